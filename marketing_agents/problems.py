"""RFC 7807 problem details: the one shape every HTTP error takes (never a stack trace)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ProblemError(Exception):
    """An error the API reports as problem+json with a status code."""

    status = 500
    title = "Internal error"

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions
        self.headers: dict[str, str] = {}

    def to_problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"https://marketing-agents.dev/problems/{self.title.lower().replace(' ', '-')}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            body["instance"] = instance
        body.update(self.extensions)
        return body


class BadRequest(ProblemError):
    status, title = 400, "Invalid request"


class Forbidden(ProblemError):
    status, title = 403, "Forbidden"


class NotFound(ProblemError):
    status, title = 404, "Not found"


class MethodNotAllowed(ProblemError):
    """405; ``Allow`` lists the methods the resource serves (RFC 9110 requires it)."""

    status, title = 405, "Method not allowed"

    def __init__(self, detail: str, allowed: list[str]) -> None:
        super().__init__(detail, allowed=allowed)
        self.headers = {"Allow": ", ".join(allowed)}


class Conflict(ProblemError):
    status, title = 409, "Conflict"


class PayloadTooLarge(ProblemError):
    status, title = 413, "Payload too large"


class UnsupportedMediaType(ProblemError):
    status, title = 415, "Unsupported media type"


class ServiceUnavailable(ProblemError):
    status, title = 503, "Service unavailable"


def field_errors(error: ValidationError) -> list[dict[str, str]]:
    """Every field error, with a dotted camelCase path a person can find in the JSON."""
    errors = []
    for item in error.errors(include_url=False):
        path = ".".join(str(p) for p in item["loc"]) or "(body)"
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown field"
        errors.append({"field": path, "message": message, "type": item["type"]})
    return errors


def validation_problem(error: ValidationError, what: str) -> BadRequest:
    errors = field_errors(error)
    fields = ", ".join(e["field"] for e in errors)
    return BadRequest(f"The {what} has {len(errors)} invalid field(s): {fields}", errors=errors)
