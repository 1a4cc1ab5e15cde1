"""The app setting names infra/ gives the Function App, read from the parsed Bicep."""

from __future__ import annotations

from typing import Any

# Variables of object type whose keys are app settings.
SETTINGS_VARIABLES = {
    "main.bicep": ("appOwnSettings", "modelSettings", "redisSettings"),
    "modules/functionapp.bicep": ("platformSettings",),
}


def object_keys(value: Any) -> set[str]:
    """Keys of an object literal, of both branches of a conditional, of union() arguments."""
    if not isinstance(value, dict):
        return set()
    if "operator" in value and value["operator"].get("type") == "conditional":
        operands = value["operator"]["operands"]
        return object_keys(operands["true_value"]) | object_keys(operands["false_value"])
    if "function" in value:
        if value["function"].get("type") == "union":
            return set().union(*(object_keys(arg) for arg in value["function"]["parameters"].values()))
        return set()
    return {str(key).strip("'") for key in value}


def bicep_app_settings(parsed: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for file, variables in SETTINGS_VARIABLES.items():
        for variable in variables:
            names |= object_keys(parsed[file]["variables"][variable]["value"])
    return names
