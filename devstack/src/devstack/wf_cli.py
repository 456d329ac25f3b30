"""`python -m devstack.wf_cli WORKFLOW --data JSON`: one local execution, like `gcloud workflows run`.

`sys.get_env` sees only what is passed on purpose: the variables named with `--pass-env` (by default the four
function URLs and the execution id) and any `--env NAME=VALUE`, so a run never depends on stray shell state.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from devstack.workflow_runner import WorkflowDefinitionError, WorkflowError, run_workflow

DEFAULT_PASS_ENV = (
    "EXTRACT_URL",
    "RUN_AGENT_GROUP_URL",
    "ASSEMBLE_REPORT_URL",
    "RENDER_DOCX_URL",
    "GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID",
    "GOOGLE_CLOUD_PROJECT_ID",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workflow", type=Path)
    parser.add_argument("--data", default="null", help="the execution argument, as JSON")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--pass-env", action="append", default=list(DEFAULT_PASS_ENV), metavar="NAME")
    args = parser.parse_args(argv)
    env = {name: os.environ[name] for name in args.pass_env if name in os.environ}
    for item in args.env:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--env needs NAME=VALUE, got {item!r}")
        env[name] = value
    try:
        result = run_workflow(args.workflow, json.loads(args.data), env)
    except WorkflowDefinitionError as exc:
        print(f"invalid workflow: {exc}", file=sys.stderr)
        return 2
    except WorkflowError as exc:
        print(json.dumps({"state": "FAILED", "error": exc.error}, ensure_ascii=False, default=str))
        return 1
    print(json.dumps({"state": "SUCCEEDED", "result": result}, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
