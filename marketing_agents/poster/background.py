"""An optional picture behind the poster, from an image model (``MODEL_IMAGE``).

The poster must exist whatever happens, so this is best effort: with no image model,
or when generation fails after the usual retries, the caller gets None and the
renderer's own design is used.
"""

from __future__ import annotations

import base64
import logging

import httpx
from openai import AsyncOpenAI

from ..llm.client import build_chat_client
from ..llm.resilience import RetryPolicy, TryCounter, call_with_retries
from ..llm.settings import ModelSettings
from ..models import PosterConcept

log = logging.getLogger(__name__)

IMAGE_SIZE = "1024x1536"  # portrait, the closest common size to the 1080×1350 poster
NO_TEXT = " The image must contain no text, letters, logos or watermarks."


async def generate_background(
    settings: ModelSettings | None, concept: PosterConcept, client: AsyncOpenAI | None = None
) -> bytes | None:
    """The image model's picture for ``concept.image_prompt``, or None."""
    if settings is None or not settings.image_model:
        return None
    client = client or build_chat_client(settings)
    policy = RetryPolicy(
        max_tries=settings.max_tries,
        base_seconds=settings.retry_base_seconds,
        max_wait_seconds=settings.retry_max_wait_seconds,
        timeout_seconds=max(settings.timeout_seconds, 120.0),
    )
    model = settings.image_model

    async def request() -> bytes:
        response = await client.images.generate(model=model, prompt=concept.image_prompt + NO_TEXT, size=IMAGE_SIZE)
        image = response.data[0] if response.data else None
        if image is not None and image.b64_json:
            return base64.b64decode(image.b64_json)
        if image is not None and image.url:
            async with httpx.AsyncClient(timeout=60) as http:
                download = await http.get(image.url)
                download.raise_for_status()
                return download.content
        raise ValueError("the image model returned no image")

    try:
        return await call_with_retries(request, policy, TryCounter())
    except Exception as error:  # the poster falls back to its own design
        log.warning("poster background from %s failed: %s", model, error)
        return None
