"""The four Cloud Functions, each served by functions-framework in its own process on its own port.

One process per function, as in the cloud: each loads its source as module `main`, with only its own imports,
and a crash or a kill (the reliability tests do that) takes down one function, not the stack.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from devstack.processes import ManagedProcess, free_port, http_ready, wait_until

FUNCTION_NAMES: tuple[str, ...] = ("extract", "run_agent_group", "assemble_report", "render_docx")
START_TIMEOUT_S = 60.0


def repo_root() -> Path:
    """The repository (devstack/src/devstack/this file → four levels up)."""
    return Path(__file__).resolve().parents[3]


def function_source(name: str) -> Path:
    return repo_root() / "functions" / name / "main.py"


def url_env_name(name: str) -> str:
    """The variable the workflow reads a function's URL from (sys.get_env), e.g. EXTRACT_URL."""
    return f"{name.upper()}_URL"


class FunctionServer:
    def __init__(
        self,
        name: str,
        log_dir: Path,
        env: Mapping[str, str],
        *,
        source: Path | None = None,
        port: int | None = None,
    ) -> None:
        self.name = name
        self.source = source or function_source(name)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = ManagedProcess(
            name=f"function {name}",
            argv=[
                sys.executable,
                "-m",
                "functions_framework",
                "--target",
                name,
                "--source",
                str(self.source),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            log_path=log_dir / f"{name}.log",
            env=dict(env),
        )

    def start(self) -> FunctionServer:
        self.process.start()
        return self

    def wait_ready(self) -> None:
        # Any HTTP answer means the server is up (a GET with no body answers 400 without touching the stores).
        wait_until(lambda: http_ready(self.url), self.process, START_TIMEOUT_S)

    def restart(self) -> None:
        """Stop and start again on the same port (the URL the workflow holds stays valid)."""
        self.process.stop()
        self.start()
        self.wait_ready()

    def stop(self) -> None:
        self.process.stop()
