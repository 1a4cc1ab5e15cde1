"""``python -m marketing_agents`` is the ``marketing-agents`` command."""

from .cli import entry

entry()
