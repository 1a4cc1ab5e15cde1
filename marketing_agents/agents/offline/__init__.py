"""Built-in offline agents: deterministic, template-based, brief-aware, honest about
being offline (``metadata.offline``, ``model="offline"``, notes on what was applied).

They run with no model configured, and are the last fallback of model-backed agents.
"""

from .copywriter import OfflineCopywriter
from .short_copy import OfflineShortCopyWriter
from .visual import OfflineVisualConceptWriter

__all__ = ["OfflineCopywriter", "OfflineShortCopyWriter", "OfflineVisualConceptWriter"]
