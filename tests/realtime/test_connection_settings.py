"""The SignalR settings the app reads: the connection string (key or AuthType), and the
identity-based form the Functions extension reads in Azure (``__serviceUri``)."""

from __future__ import annotations

import pytest

from marketing_agents.realtime.publishing import SignalRConnection
from marketing_agents.settings import ConfigError, load_settings

SETTING = "AzureSignalRConnectionString"


def connection(env: dict[str, str]) -> SignalRConnection | None:
    return SignalRConnection.from_settings(load_settings(env))


def test_the_connection_string_wins_and_carries_its_key() -> None:
    found = connection({
        SETTING: "Endpoint=http://127.0.0.1:8888;AccessKey=k;Version=1.0;",
        f"{SETTING}__serviceUri": "https://ignored.service.signalr.net",
    })
    assert found is not None
    assert found.endpoint == "http://127.0.0.1:8888" and found.access_key == "k"


def test_identity_based_settings_use_the_user_assigned_managed_identity() -> None:
    found = connection({
        f"{SETTING}__serviceUri": "https://sigr-x.service.signalr.net/",
        f"{SETTING}__credential": "managedidentity",
        f"{SETTING}__clientId": "00000000-1111-2222-3333-444444444444",
    })
    assert found is not None and found.uses_entra_id
    assert found.endpoint == "https://sigr-x.service.signalr.net"
    assert found.auth_type == "azure.msi"
    assert found.client_id == "00000000-1111-2222-3333-444444444444"


def test_a_service_uri_alone_means_default_azure_credential() -> None:
    found = connection({f"{SETTING}__serviceUri": "https://s.service.signalr.net"})
    assert found is not None and found.auth_type == "azure" and found.client_id is None


@pytest.mark.parametrize(("settings", "named"), [
    ({f"{SETTING}__serviceUri": "sigr-x.service.signalr.net"}, "__serviceUri"),
    ({f"{SETTING}__serviceUri": "https://s.service.signalr.net", f"{SETTING}__credential": "secret"},
     "__credential"),
    ({SETTING: "AccessKey=k;"}, SETTING),
])
def test_bad_signalr_settings_name_the_setting(settings: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        connection(settings)


def test_nothing_configured_means_no_streaming() -> None:
    assert connection({}) is None
