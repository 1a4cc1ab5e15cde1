"""The SignalR settings the app reads: the connection string (key or AuthType), and the
identity-based form the Functions extension reads in Azure (``__serviceUri``)."""

from __future__ import annotations

import pytest

from marketing_agents.realtime.publishing import SignalRConnection
from marketing_agents.settings import ConfigError

SETTING = "AzureSignalRConnectionString"


def test_the_connection_string_wins_and_carries_its_key() -> None:
    connection = SignalRConnection.from_environment({
        SETTING: "Endpoint=http://127.0.0.1:8888;AccessKey=k;Version=1.0;",
        f"{SETTING}__serviceUri": "https://ignored.service.signalr.net",
    })
    assert connection is not None
    assert connection.endpoint == "http://127.0.0.1:8888" and connection.access_key == "k"


def test_identity_based_settings_use_the_user_assigned_managed_identity() -> None:
    connection = SignalRConnection.from_environment({
        f"{SETTING}__serviceUri": "https://sigr-x.service.signalr.net/",
        f"{SETTING}__credential": "managedidentity",
        f"{SETTING}__clientId": "00000000-1111-2222-3333-444444444444",
    })
    assert connection is not None and connection.uses_entra_id
    assert connection.endpoint == "https://sigr-x.service.signalr.net"
    assert connection.auth_type == "azure.msi"
    assert connection.client_id == "00000000-1111-2222-3333-444444444444"


def test_a_service_uri_alone_means_default_azure_credential() -> None:
    connection = SignalRConnection.from_environment({f"{SETTING}__serviceUri": "https://s.service.signalr.net"})
    assert connection is not None and connection.auth_type == "azure" and connection.client_id is None


@pytest.mark.parametrize(("settings", "named"), [
    ({f"{SETTING}__serviceUri": "sigr-x.service.signalr.net"}, "__serviceUri"),
    ({f"{SETTING}__serviceUri": "https://s.service.signalr.net", f"{SETTING}__credential": "secret"},
     "__credential"),
])
def test_bad_identity_settings_name_the_setting(settings: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        SignalRConnection.from_environment(settings)


def test_nothing_configured_means_no_streaming() -> None:
    assert SignalRConnection.from_environment({}) is None
