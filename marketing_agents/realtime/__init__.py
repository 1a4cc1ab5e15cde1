"""Live updates over SignalR, in two halves that share only the protocol's names
(``marketing_agents.protocol``):

- ``publishing``: the Function App's side — the SignalR connection string, access
  tokens, the service's REST API and the streaming of copy while an agent writes it.
  Needs only httpx (and azure-identity for Entra ID).
- ``client``: the CLI's side — a SignalR hub client over WebSocket and ``follow``, which
  watches one campaign exactly once and in order. Needs ``websockets``, which the
  Function App does not install, so nothing on the app's side imports it.

Import from the half you need; this package itself exports nothing, so importing one
half never loads the other.
"""
