"""devhost: a local Azure Functions + Durable Functions host for Python v2 apps.

It loads ``function_app.py`` by path like the real host, serves HTTP triggers, and runs
Durable orchestrations by driving the SDK's own replay engine, with state in SQLite.
"""

from .bindings.signalr import NullSink, SignalRSink
from .clock import Clock, VirtualClock
from .config import ConfigError
from .server import DevHost

__all__ = ["Clock", "ConfigError", "DevHost", "NullSink", "SignalRSink", "VirtualClock"]
