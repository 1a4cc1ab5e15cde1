"""The compliance auditor: protocol, rules, scoring."""
