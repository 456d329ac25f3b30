"""`labeliq dev-token --user EMAIL`: a token from the running local stack's issuer, for scripts and tests.

Send it as `Authorization: Bearer TOKEN` to the stack's api_url (labeliq-out/stack/stack.json): the local IAP proxy
verifies it and forwards the request with the signed assertion the API verifies, as IAP does for programmatic
access. There is no token for the cloud here: there, IAP and Google sign-in give identities.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from labeliq.config import Settings

DEFAULT_STACK_FILE = Path("labeliq-out/stack/stack.json")


def cmd_dev_token(args: argparse.Namespace, settings: Settings) -> int:
    import urllib.error  # imported here: every other command (a text check above all) would pay for http and ssl
    import urllib.request

    from labeliq.cli.exits import BadInput

    stack_file: Path = args.stack
    if not stack_file.exists():
        raise BadInput(f"no local stack is running ({stack_file} not found); start one with `make serve`")
    issuer = json.loads(stack_file.read_text(encoding="utf-8")).get("issuer_url")
    if not issuer:
        raise BadInput(f"the stack in {stack_file} runs no API (start it with `make serve`)")
    request = urllib.request.Request(
        f"{issuer}/token",
        data=json.dumps({"email": args.user}).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            token = json.loads(response.read())["token"]
    except urllib.error.HTTPError as exc:
        raise BadInput(f"the local issuer refused {args.user!r}: {exc.read().decode(errors='replace')}") from None
    except urllib.error.URLError as exc:
        raise BadInput(
            f"the local issuer at {issuer} is unreachable ({exc.reason}); is `make serve` running?"
        ) from None
    print(token)
    return 0


def add_dev_token(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("dev-token", help="print a local user's token for the local stack's API")
    parser.add_argument("--user", required=True, metavar="EMAIL", help="the local user to act as")
    parser.add_argument("--stack", type=Path, default=DEFAULT_STACK_FILE, help="the running stack's stack.json")
    parser.set_defaults(command=cmd_dev_token, log_dir=lambda args: None)
