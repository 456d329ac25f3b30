"""`labeliq`: the entry of the command line; it parses, sets up logging and turns outcomes into exit codes.

Exit codes are a contract other tools rely on (labeliq.cli.exits): 0 the command ran, 2 bad input (the message
names the file and the problem), 1 an internal error (one line here, the traceback in the log). A subcommand is a
module of this package with one `add_<name>(subparsers)` that sets the defaults `command` (a
`(args, settings) -> int`) and `log_dir` (the folder for labeliq.log, or None for stderr), listed in SUBCOMMANDS.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from labeliq.cli.check import add_check
from labeliq.cli.dev_token import add_dev_token
from labeliq.cli.exits import EXIT_BAD_INPUT, EXIT_INTERNAL, BadInput
from labeliq.cli.rules import add_rules
from labeliq.cli.schema import add_schema
from labeliq.cli.submit import add_submit
from labeliq.config import ConfigError, Settings, load_settings
from labeliq.intake import IntakeError
from labeliq.label_files import LOG_NAME
from labeliq.logging_setup import configure_logging

logger = logging.getLogger("labeliq.cli")

Command = Callable[[argparse.Namespace, Settings], int]

SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    add_check,
    add_schema,
    add_rules,
    add_submit,
    add_dev_token,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="labeliq", description="Check Canadian food labels against the SFCR and FDR.")
    subparsers = parser.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(subparsers)
    return parser


@contextmanager
def _logging_to(log_dir: Path | None, level: str) -> Iterator[Path | None]:
    """JSON log lines go to DIR/labeliq.log, so the terminal shows only the summary and one-line errors."""
    if log_dir is None:
        configure_logging(level, sys.stderr)
        yield None
        return
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        stream: IO[str] = (log_dir / LOG_NAME).open("a", encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{log_dir}: cannot write to the output folder: {exc.strerror or exc}") from None
    handler = configure_logging(level, stream)
    try:
        yield log_dir / LOG_NAME
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        stream.close()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"labeliq: configuration error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    args = build_parser().parse_args(argv)
    command: Command = args.command
    log_path: Path | None = None
    try:
        with _logging_to(args.log_dir(args), settings.log_level) as log_path:
            try:
                return command(args, settings)
            except IntakeError as exc:
                logger.warning("bad input: %s", exc)
                print(f"labeliq: error: {exc}", file=sys.stderr)
                return EXIT_BAD_INPUT
            except Exception as exc:  # the CLI's last line: the traceback goes to the log
                logger.exception("internal error")
                where = f" (details in {log_path})" if log_path else ""
                print(f"labeliq: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
                return EXIT_INTERNAL
    except IntakeError as exc:  # the output folder itself is unusable
        print(f"labeliq: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
