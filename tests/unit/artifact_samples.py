"""Small valid artifact data of each type, as stored (camelCase JSON)."""

from __future__ import annotations

from typing import Any

from marketing_agents.models import ArtifactType

POST = {"platform": "X", "text": "Refill it.", "characterCount": 10, "limit": 280, "overLimit": False, "hashtags": []}
COPY = {
    "headlines": ["One", "Two", "Three"], "bodyShort": "Short.", "bodyMedium": "Medium.", "bodyLong": "Long.",
    "callsToAction": ["Go", "Look", "Buy"], "toneSummary": "Calm", "keywords": [],
}
CONCEPT = {
    "headline": "Summer", "subline": "Refill", "callToAction": "Shop", "palette": ["#FFFFFF", "#1B4332"],
    "layout": "centred", "mood": [], "style": [], "imagePrompt": "a bottle", "altText": "Poster for EcoBottle.",
}
DATA: dict[ArtifactType, dict[str, Any]] = {
    ArtifactType.COPY: COPY,
    ArtifactType.SHORT_COPY: {"posts": [POST] * 3},
    ArtifactType.VISUAL: {"concepts": [CONCEPT, CONCEPT], "chosenIndex": 0, "svgUrl": None, "pngUrl": None},
}
