"""`labeliq rules [ID] [--markdown]`: the rules the checkers judge (labeliq.checks.rules_index), like `ruff rule`."""

from __future__ import annotations

import argparse
import sys

from labeliq.cli.exits import EXIT_OK, BadInput
from labeliq.config import Settings


def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
    from labeliq.checks import rules_index

    try:
        if args.markdown:
            text = rules_index.markdown()
        else:
            text = (rules_index.describe(args.id) if args.id else rules_index.listing()) + "\n"
    except rules_index.UnknownRule as exc:
        raise BadInput(str(exc)) from None
    sys.stdout.write(text)
    return EXIT_OK


def add_rules(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("rules", help="list the rules the checkers judge, or show one (like `ruff rule`)")
    parser.add_argument(
        "id", nargs="?", help="a rule id such as 9.7 or 10.B.fat: its checker, modules, citation, tests"
    )
    parser.add_argument("--markdown", action="store_true", help="print every rule as docs/rules.md")
    parser.set_defaults(command=cmd_rules, log_dir=lambda args: None)
