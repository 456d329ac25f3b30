"""The page's own scripts, styles and icons, served from the package with content-hashed URLs.

Nothing is fetched from elsewhere (the page works with no internet). A URL carries the file's hash, so a browser may
keep it for a year and still never runs a stale script after a deploy.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from functools import cache
from importlib import resources

_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class StaticFile:
    data: bytes
    content_type: str
    digest: str


@cache
def static_file(path: str) -> StaticFile | None:
    """The file under static/ at this relative path, or None (also for anything that leaves static/)."""
    if not path or path.startswith("/") or ".." in path.split("/"):
        return None
    node = resources.files("labeliq.web").joinpath("static", *path.split("/"))
    if not node.is_file():
        return None
    data = node.read_bytes()
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
    content_type = _TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    return StaticFile(data, content_type, hashlib.sha256(data).hexdigest()[:12])


def static_url(path: str) -> str:
    found = static_file(path)
    if found is None:
        raise FileNotFoundError(f"static/{path} is not part of the web package")
    return f"/assets/{path}?v={found.digest}"
