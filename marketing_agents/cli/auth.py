"""The Entra ID access token the CLI sends to a deployed app.

In Azure, App Service authentication fronts the API and accepts a bearer token whose
audience is the app registration (``api://<AUTH_CLIENT_ID>``); locally nothing checks one.
So the CLI asks for a token only when a scope is configured (``--scope`` or
``MARKETING_AGENTS_SCOPE``), from the sign-ins a person already has on the machine: a
service principal in the ``AZURE_*`` variables, ``az login``, or ``azd auth login``. A
managed identity is left out on purpose: probing for one costs seconds on every machine
that has none, and the CLI runs on people's machines.
"""

from __future__ import annotations

import logging
import re

from azure.core.exceptions import ClientAuthenticationError
from azure.identity import (
    AzureCliCredential,
    AzureDeveloperCliCredential,
    ChainedTokenCredential,
    EnvironmentCredential,
)

from .client import CliError

# What azure-identity accepts as a scope (its validate_scope), checked first so that a typo
# is named as such rather than as a failed sign-in.
_SCOPE = re.compile(r"[A-Za-z0-9._:/-]+")


def bearer_headers(scope: str | None) -> dict[str, str]:
    """``Authorization: Bearer …`` for ``scope``, or nothing when no scope is configured."""
    if not scope:
        return {}
    if not _SCOPE.fullmatch(scope):
        raise CliError(f"--scope {scope!r} is not an Entra ID scope; use api://<AUTH_CLIENT_ID>/.default", exit_code=2)
    # azure-identity logs each failed credential as a multi-line warning; the CLI says it in one line
    logging.getLogger("azure.identity").setLevel(logging.ERROR)
    credential = ChainedTokenCredential(EnvironmentCredential(), AzureCliCredential(), AzureDeveloperCliCredential())
    try:
        token = credential.get_token(scope)
    except ClientAuthenticationError as error:
        raise CliError(
            f"cannot get an access token for {scope}: sign in with `az login` or `azd auth login`, "
            "or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET",
            exit_code=3,
        ) from error
    finally:
        credential.close()
    return {"Authorization": f"Bearer {token.token}"}
