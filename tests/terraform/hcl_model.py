"""Loads terraform/*.tf with python-hcl2 into plain dicts: resources by type and name, quotes stripped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hcl2

TERRAFORM_DIR = Path(__file__).resolve().parents[2] / "terraform"


def _unquote(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, dict):
        return {_unquote(k): _unquote(v) for k, v in value.items() if k not in ("__is_block__", "__comments__")}
    if isinstance(value, list):
        return [_unquote(v) for v in value]
    return value


@dataclass(frozen=True)
class TerraformModel:
    resources: dict[str, dict[str, dict[str, Any]]]  # type -> name -> body
    data: dict[str, dict[str, dict[str, Any]]]
    locals: dict[str, Any]
    variables: dict[str, dict[str, Any]]
    texts: dict[str, str]  # file name -> raw text

    def resource(self, kind: str, name: str) -> dict[str, Any]:
        return self.resources[kind][name]

    def all_resources(self) -> list[tuple[str, str, dict[str, Any]]]:
        return [(kind, name, body) for kind, named in self.resources.items() for name, body in named.items()]


def load_terraform(directory: Path = TERRAFORM_DIR) -> TerraformModel:
    resources: dict[str, dict[str, dict[str, Any]]] = {}
    data: dict[str, dict[str, dict[str, Any]]] = {}
    local_values: dict[str, Any] = {}
    variables: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    for path in sorted(directory.glob("*.tf")):
        texts[path.name] = path.read_text(encoding="utf-8")
        with path.open(encoding="utf-8") as handle:
            parsed = _unquote(hcl2.load(handle))
        for block in parsed.get("resource", []):
            for kind, named in block.items():
                resources.setdefault(kind, {}).update(named)
        for block in parsed.get("data", []):
            for kind, named in block.items():
                data.setdefault(kind, {}).update(named)
        for block in parsed.get("locals", []):
            local_values.update(block)
        for block in parsed.get("variable", []):
            variables.update(block)
    return TerraformModel(resources, data, local_values, variables, texts)
