"""The web workspace: pages for projects, uploads, progress and report review, served by the `api` function.

Pages are rendered on the server from the same JSON API the browser scripts call (an in-process sub-request that
carries the caller's identity), so a page shows exactly what the API lets that user see: a non-member gets the
404 page, not an empty shell. Scripts and styles are the project's own files under `static/` (no CDN, no build).
"""

from labeliq.web.pages import handle_page, serve

__all__ = ["handle_page", "serve"]
