"""`labeliq schema [--out FILE | --check FILE]`: the JSON Schema of report.json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from labeliq.cli.exits import EXIT_INTERNAL, EXIT_OK
from labeliq.config import Settings
from labeliq.label_files import write_atomically


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from labeliq.report import report_schema_json

    text = report_schema_json()
    if args.check is not None:
        current = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
        if current != text:
            print(f"{args.check} is out of date: run `labeliq schema --out {args.check}`", file=sys.stderr)
            return EXIT_INTERNAL
        return EXIT_OK
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.out, text.encode("utf-8"))
        print(f"schema written to {args.out}")
    return EXIT_OK


def add_schema(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("schema", help="print or write the JSON Schema of report.json")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, metavar="FILE", help="write the schema to FILE instead of stdout")
    target.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE differs from the current schema")
    parser.set_defaults(command=cmd_schema, log_dir=lambda args: None)
