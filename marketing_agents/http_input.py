"""Reading what a client sends, in one place each: the JSON body reader and the
whole-number query parameter parser every API route uses, so that every route rejects
bad input the same way (a 4xx problem, never a 500) and the OpenAPI document can state
the same rules.

Body rules, in the order they are checked:

1. ``Content-Type`` must be ``application/json`` (parameters allowed; a ``charset``
   other than UTF-8 is refused). Anything else, or none, is 415 — bodyless POSTs too:
   an HTML form (``text/plain``, form-encoded, multipart) cannot send
   ``application/json`` cross-site without a CORS preflight, so a form on another site
   cannot create, revise, approve or cancel a campaign under cookie-based App Service
   authentication. ``application/*+json`` types are refused as well: the document
   lists only ``application/json``, and one spelling is easier to keep true.
2. At most ``MAX_BODY_BYTES`` (413).
3. Nesting at most ``MAX_JSON_DEPTH`` deep, measured by a linear scan of the bytes
   before parsing, so a 1,000-deep body is a 400 and never reaches a recursive parser.
4. UTF-8 JSON whose top level is an object, with no lone surrogate (which could not
   be stored or sent on as UTF-8).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .models import REQUEST_CONTEXT
from .problems import BadRequest, PayloadTooLarge, UnsupportedMediaType, validation_problem

JSON_MEDIA_TYPE = "application/json"
MAX_BODY_BYTES = 64 * 1024
# A brief is three levels deep; 32 leaves room for any honest client.
MAX_JSON_DEPTH = 32
# The largest integer every store and client holds exactly (Cosmos DB and JavaScript
# numbers are IEEE doubles).
MAX_SAFE_INTEGER = 2**53 - 1

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(rb"[\[\]{}]")

Model = TypeVar("Model", bound=BaseModel)


def require_json(content_type: str | None, what: str) -> None:
    """415 unless the media type is ``application/json`` with a UTF-8 (or no) charset."""
    media, _, parameters = (content_type or "").partition(";")
    media = media.strip().lower()
    if media != JSON_MEDIA_TYPE:
        sent = f"Content-Type {media!r}" if media else "no Content-Type"
        raise UnsupportedMediaType(f"Send the {what} as {JSON_MEDIA_TYPE} ({sent} was given)")
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(f"Send the {what} as UTF-8 JSON (charset {charset!r} was given)")


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """Whether arrays and objects nest deeper than ``limit`` (strings are skipped, so a
    bracket inside text does not count). Linear in the body, no recursion."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', body)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def read_json_object(
    content_type: str | None, body: bytes, what: str, *, empty_is_object: bool = False
) -> dict[str, Any]:
    """The body as a JSON object, or the 4xx problem that says what is wrong with it.
    ``empty_is_object``: an empty body (no bytes at all) counts as ``{}`` (approve and
    cancel, which need no fields; the Content-Type rule still holds)."""
    require_json(content_type, what)
    if len(body) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"The {what} is {len(body)} bytes; the limit is {MAX_BODY_BYTES}")
    if not body and empty_is_object:
        return {}
    if not body.strip():  # whitespace alone is no JSON text, whether or not a body is needed
        raise BadRequest(f"The {what} is empty; send a JSON object")
    if json_depth_exceeds(body, MAX_JSON_DEPTH):
        raise BadRequest(f"The {what} nests arrays or objects more than {MAX_JSON_DEPTH} deep")
    try:
        value = json.loads(body.decode("utf-8"))
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # a lone surrogate fails here
    except UnicodeError as error:
        raise BadRequest(f"The {what} is not valid UTF-8 text (or has a lone surrogate): {error}") from error
    except (ValueError, RecursionError) as error:
        raise BadRequest(f"The {what} is not valid JSON: {error}") from error
    if not isinstance(value, dict):
        raise BadRequest(f"The {what} must be a JSON object")
    return value


def validate_request(model: type[Model], value: dict[str, Any], what: str) -> Model:
    """``value`` as the request model, with the rules only client requests get (see
    ``REQUEST_CONTEXT``); field errors become one 400 listing them all."""
    try:
        return model.model_validate(value, context={REQUEST_CONTEXT: True})
    except ValidationError as error:
        raise validation_problem(error, what) from error


def whole_number(params: Mapping[str, str], name: str, default: int, minimum: int, maximum: int) -> int:
    """A whole-number query parameter: ASCII digits only (``str.isdigit`` also takes
    ``²`` and other digits ``int`` refuses), within explicit bounds, checked on the
    text's length before converting so that no length of input costs more than that."""
    raw = params.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw.lstrip("0")) > len(str(maximum)):
        raise BadRequest(f"{name} must be a whole number from {minimum} to {maximum}", parameter=name)
    value = int(raw)
    if not minimum <= value <= maximum:
        raise BadRequest(f"{name} must be a whole number from {minimum} to {maximum}", parameter=name)
    return value
