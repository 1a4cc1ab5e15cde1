"""Marketing Agents Platform: the library behind the Functions app.

Nothing here imports ``azure.functions``: the library runs the same under the Azure
Functions host, under devhost, and in plain Python (CLI, tests, benchmarks).
"""

__version__ = "0.1.0"
