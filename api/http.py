"""HTTP plumbing shared by the API's functions: JSON and problem+json responses, the
caller's identity, and one guard that turns every error into problem+json."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import azure.functions as func
from pydantic import BaseModel

from marketing_agents.components import components
from marketing_agents.http_input import MAX_SAFE_INTEGER, read_json_object, validate_request, whole_number
from marketing_agents.problems import PROBLEM_CONTENT_TYPE, ProblemError, ServiceUnavailable
from marketing_agents.protocol import PRINCIPAL_HEADER
from marketing_agents.settings import ConfigError
from marketing_agents.store.base import StoreUnavailable

log = logging.getLogger("marketing_agents.api")

Handler = Callable[..., Awaitable[func.HttpResponse]]
Model = TypeVar("Model", bound=BaseModel)


def caller(req: func.HttpRequest) -> str:
    """The signed-in user (App Service authentication's header), else the local dev user
    (``LOCAL_USER_ID``)."""
    return req.headers.get(PRINCIPAL_HEADER) or components().settings.local_user


# Headers only App Service authentication sets (it strips them from what clients send);
# the dashboard's local user picker sends the principal id alone.
APP_SERVICE_AUTH_HEADERS = ("x-ms-client-principal", "x-ms-client-principal-idp")


def identity_source(req: func.HttpRequest) -> str:
    """``appService`` when the caller's identity comes from App Service authentication,
    else ``local`` (devhost, Core Tools: the header, if any, is the local user picker's)."""
    present = {k.lower() for k in req.headers}
    return "appService" if any(h in present for h in APP_SERVICE_AUTH_HEADERS) else "local"


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> func.HttpResponse:
    return func.HttpResponse(json.dumps(body), status_code=status, mimetype="application/json", headers=headers or {})


def problem_response(error: ProblemError, instance: str | None = None) -> func.HttpResponse:
    return func.HttpResponse(
        json.dumps(error.to_problem(instance)),
        status_code=error.status,
        mimetype=PROBLEM_CONTENT_TYPE,
        headers=error.headers,
    )


def guarded(handler: Handler) -> Handler:
    """Problems become problem+json; anything unexpected is logged with its trace and
    answered with a plain 500 problem, never the trace."""

    @functools.wraps(handler)
    async def wrapper(req: func.HttpRequest, *args: Any, **kwargs: Any) -> func.HttpResponse:
        path = req.url.split("?", 1)[0]
        try:
            return await handler(req, *args, **kwargs)
        except ProblemError as error:
            return problem_response(error, path)
        except ConfigError as error:
            log.error("configuration error: %s", error)
            return problem_response(ServiceUnavailable(f"The service is misconfigured: {error}"), path)
        except StoreUnavailable as error:  # throttled past the retry policy, or unreachable
            log.warning("store unavailable: %s", error)
            problem = ServiceUnavailable(f"The document store is not answering now: {error}")
            problem.headers = {"Retry-After": "5"}
            return problem_response(problem, path)
        except Exception:
            log.exception("unhandled error in %s", handler.__name__)
            failure = ProblemError("The server failed to handle this request; it has been logged")
            return problem_response(failure, path)

    return wrapper


def base_url(req: func.HttpRequest) -> str:
    """Scheme and host of the request, for absolute links."""
    url = req.url
    scheme_end = url.find("://")
    if scheme_end < 0:
        return ""
    path_start = url.find("/", scheme_end + 3)
    return url if path_start < 0 else url[:path_start]


def request_body(req: func.HttpRequest, model: type[Model], what: str, *, empty_is_object: bool = False) -> Model:
    """The request's JSON body as ``model`` (the one reader: 415, 413 or 400 otherwise)."""
    value = read_json_object(req.headers.get("content-type"), req.get_body(), what, empty_is_object=empty_is_object)
    return validate_request(model, value, what)


def query_number(req: func.HttpRequest, name: str, default: int, minimum: int = 0,
                 maximum: int = MAX_SAFE_INTEGER) -> int:
    return whole_number(req.params, name, default, minimum, maximum)
