"""Helpers for tests and benchmarks. The production wiring never imports this package;
a test or a benchmark plugs a helper in explicitly, through a setting that names it
(``AGENTS_WRAPPER``, see ``marketing_agents.components``)."""
