"""`labeliq`: the command line, a thin shell over the library.

main (at 23c1e5a) moved cli.py to cli/main.py without this file, which broke `labeliq.cli:main` and the imports
of samples_run, cli_dev_token and cli/submit; until the cli move lands whole, the names they use are re-exported.
"""

from __future__ import annotations

from labeliq.cli.main import (
    IMAGE_SUFFIXES,
    LOG_NAME,
    TEXT_SUFFIXES,
    BadInput,
    judge_from_env,
    load_context,
    load_inputs,
    main,
    new_job_id,
    parse_inputs,
    write_report_files,
)

__all__ = [
    "IMAGE_SUFFIXES",
    "LOG_NAME",
    "TEXT_SUFFIXES",
    "BadInput",
    "judge_from_env",
    "load_context",
    "load_inputs",
    "main",
    "new_job_id",
    "parse_inputs",
    "write_report_files",
]
