"""The one error a bad setting raises."""

from __future__ import annotations


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names it, on one line."""
