"""The request handler base of the stack's own small HTTP servers (IAP proxy, identity issuer, push adapter).

http.server writes a response's headers and its body in two sends on a socket with Nagle's algorithm on: the body
then waits for the client's delayed ACK of the headers, about 40 ms on Linux, on every keep-alive response (the
proxy added 40-50 ms to each API read that way). Buffering the response and sending it with TCP_NODELAY puts it
on the wire at once, in as few packets as it needs.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler


class PromptHandler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024  # a buffered wfile: handle_one_request flushes each whole response
