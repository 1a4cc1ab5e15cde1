"""Agents that write the campaign's artifacts (protocol, offline agents, model-backed agents)."""
