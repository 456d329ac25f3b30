"""What the API answers when a request cannot be done: an HTTP status, a short code and a sentence."""

from __future__ import annotations


class ApiError(Exception):
    """Answered as {"error": code, "detail": detail, "request_id"} with this status."""

    def __init__(self, status: int, code: str, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def not_found(what: str) -> ApiError:
    """The same answer for "does not exist" and "not yours": a non-member learns nothing about an id."""
    return ApiError(404, "not_found", f"{what} does not exist or you are not a member of its project")


def conflict(code: str, detail: str) -> ApiError:
    return ApiError(409, code, detail)


def invalid(detail: str, code: str = "invalid_request") -> ApiError:
    return ApiError(422, code, detail)
