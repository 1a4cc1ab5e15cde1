"""The campaign: what the product does with one brief, in one place.

- ``contracts``: the typed messages between the API, the orchestration and the
  activities (activity inputs and outputs, the flow state, a person's decision);
- ``commands``: what a person asks of a campaign through the API (create, read,
  revise, approve, cancel), each decision a conditional (etag) write;
- ``documents``: building the campaign document and applying the orchestration's
  updates to it;
- ``generation`` and ``auditing``: the two steps the activities run (an agent writes a
  version; the auditor judges the active versions together);
- ``events``: the numbered events clients receive.

The Functions side (``api/``, ``orchestrators/``, ``activities/``) is thin and calls in
here; nothing here imports ``azure.functions``.
"""
