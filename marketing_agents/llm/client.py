"""One place that turns :class:`ModelSettings` into an ``openai`` client.

The agents, the poster's image background and the compliance engine's LLM judge all
share this factory, so provider quirks (Azure deployments, Entra ID tokens, local
servers without keys) are handled once. The SDK's own retries are switched off
(``max_retries=0``) because :mod:`marketing_agents.llm.resilience` owns retrying: the
spec's back-off, Retry-After and the fallback chain must be one policy, not two stacked.
"""

from __future__ import annotations

from openai import AsyncAzureOpenAI, AsyncOpenAI

from .settings import ModelSettings, Provider

AZURE_OPENAI_SCOPE = "https://cognitiveservices.azure.com/.default"
# Local OpenAI-compatible servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK
# insists on one.
PLACEHOLDER_KEY = "not-needed"


def build_chat_client(settings: ModelSettings) -> AsyncOpenAI:
    """An ``AsyncOpenAI`` (or ``AsyncAzureOpenAI``) client for the configured provider.

    Azure without ``MODEL_API_KEY`` authenticates with Entra ID through
    ``DefaultAzureCredential`` (managed identity in Azure, ``az login`` on a laptop).
    """
    if settings.provider is Provider.AZURE_OPENAI:
        assert settings.azure_endpoint is not None  # load_model_settings guarantees it
        if settings.api_key:
            return AsyncAzureOpenAI(
                azure_endpoint=settings.azure_endpoint,
                api_key=settings.api_key,
                api_version=settings.azure_api_version,
                timeout=settings.timeout_seconds,
                max_retries=0,
            )
        from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider

        token_provider = get_bearer_token_provider(DefaultAzureCredential(), AZURE_OPENAI_SCOPE)
        return AsyncAzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            azure_ad_token_provider=token_provider,
            api_version=settings.azure_api_version,
            timeout=settings.timeout_seconds,
            max_retries=0,
        )
    return AsyncOpenAI(
        api_key=settings.api_key or PLACEHOLDER_KEY,
        base_url=settings.base_url,
        timeout=settings.timeout_seconds,
        max_retries=0,
    )
