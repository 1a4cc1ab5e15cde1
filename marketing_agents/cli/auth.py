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

from azure.core.exceptions import ClientAuthenticationError
from azure.identity import (
    AzureCliCredential,
    AzureDeveloperCliCredential,
    ChainedTokenCredential,
    EnvironmentCredential,
)

from .client import CliError


def bearer_headers(scope: str | None) -> dict[str, str]:
    """``Authorization: Bearer …`` for ``scope``, or nothing when no scope is configured."""
    if not scope:
        return {}
    credential = ChainedTokenCredential(EnvironmentCredential(), AzureCliCredential(), AzureDeveloperCliCredential())
    try:
        token = credential.get_token(scope)
    except ClientAuthenticationError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
        raise CliError(
            f"cannot get an access token for {scope}: sign in with `az login` or `azd auth login` "
            f"({first_line})",
            exit_code=3,
        ) from error
    finally:
        credential.close()
    return {"Authorization": f"Bearer {token.token}"}
