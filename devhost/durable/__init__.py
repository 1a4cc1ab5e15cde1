"""The Durable Functions engine: drives the SDK's own replay with host-shaped history."""
