"""Capturing output bindings (a stand-in for ``func.Out``) and applying them on success."""

from __future__ import annotations

import logging
from typing import Any, Generic, TypeVar

import azure.functions as func

from ..app_loader import Binding
from .cosmos import CosmosOutput
from .signalr import SignalRLog, to_messages

T = TypeVar("T")
log = logging.getLogger("devhost")


class LocalOut(func.Out[T], Generic[T]):
    """Holds what the function sets; the host writes it only if the function succeeds."""

    def __init__(self) -> None:
        self._value: T | None = None

    def set(self, val: T) -> None:
        self._value = val

    def get(self) -> T:
        return self._value  # type: ignore[return-value]


class OutputBindings:
    """Dispatch captured values to the writer for each binding type."""

    def __init__(self, cosmos: CosmosOutput, signalr: SignalRLog) -> None:
        self.cosmos = cosmos
        self.signalr = signalr
        self._warned: set[str] = set()

    def capture(self, bindings: list[Binding]) -> dict[str, tuple[Binding, LocalOut[Any]]]:
        """One LocalOut per output parameter, keyed by parameter name."""
        return {b.name: (b, LocalOut()) for b in bindings}

    def apply(self, captured: dict[str, tuple[Binding, LocalOut[Any]]]) -> None:
        """Write every value that was set. Raises if a value is invalid or a write fails
        (the invocation fails). Every value is checked first (documents over Cosmos DB's
        size limit, unreadable messages), so a bad one means nothing at all is written."""
        prepared: list[tuple[Binding, Any]] = []
        for binding, out in captured.values():
            value = out.get()
            if value is None:
                continue
            if binding.type == "cosmosDB":
                prepared.append((binding, self.cosmos.prepare(binding.settings, value)))
            elif binding.type == "signalR":
                prepared.append((binding, to_messages(value)))
            elif binding.type not in self._warned:
                self._warned.add(binding.type)
                log.warning("devhost ignores output bindings of type %r", binding.type)
        for binding, value in prepared:
            if binding.type == "cosmosDB":
                self.cosmos.write(binding.settings, value)
            else:
                self.signalr.write(binding.settings, value)
