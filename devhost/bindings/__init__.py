"""Output bindings devhost applies after a function succeeds (Cosmos DB, SignalR, ...)."""
