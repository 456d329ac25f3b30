"""The `labeliq` command (stopgap while the cli/ package is being split into one module per command)."""

from labeliq.cli.main import (
    IMAGE_SUFFIXES,
    LOG_NAME,
    TEXT_SUFFIXES,
    BadInput,
    judge_from_env,
    llm_judge,
    load_context,
    load_inputs,
    load_panels,
    main,
    make_panel,
    new_job_id,
    parse_inputs,
    parse_panels,
    write_report_files,
)

__all__ = [
    "IMAGE_SUFFIXES",
    "LOG_NAME",
    "TEXT_SUFFIXES",
    "BadInput",
    "judge_from_env",
    "llm_judge",
    "load_context",
    "load_inputs",
    "load_panels",
    "main",
    "make_panel",
    "new_job_id",
    "parse_inputs",
    "parse_panels",
    "write_report_files",
]
