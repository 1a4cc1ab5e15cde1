"""The compliance auditor: protocol, rule engine, rule packs, scoring, LLM judge.

Kept light on purpose: importing the package loads no rule pack and no YAML parser; the
engine is imported when an auditor is built (``build_auditor``) or named.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import AuditContext, Auditor

if TYPE_CHECKING:
    from ..settings import Settings
    from .engine import RuleEngineAuditor
    from .judge import Judge
    from .learned import LearnedModel
    from .packs import RulePack

__all__ = ["AuditContext", "Auditor", "Judge", "RuleEngineAuditor", "build_auditor", "warm_up"]


def build_auditor(
    settings: Settings | None = None, judge: Judge | None = None, brand_kit: RulePack | None = None
) -> RuleEngineAuditor:
    """The product's auditor: the rules and the learned second opinion, configured from
    ``settings`` (``COMPLIANCE_BRAND_KITS_DIR``, ``COMPLIANCE_BRAND_KIT``,
    ``COMPLIANCE_SECOND_OPINION``; None: the packaged kits, second opinion on); ``judge`` adds
    the LLM pass; ``brand_kit`` is one kit for every audit, over the settings' (the command
    line's ``--brand-kit``). Campaigns, ``POST /api/audit`` and ``marketing-agents audit``
    all audit with it."""
    from .engine import RuleEngineAuditor
    from .packs import find_brand_kit

    dirs = [Path(d) for d in settings.compliance_brand_kits_dir] if settings is not None else []
    kit_ref = settings.compliance_brand_kit if settings is not None else None
    kit = brand_kit or (find_brand_kit(kit_ref, dirs) if kit_ref else None)
    second_opinion, notes = _second_opinion(settings)
    return RuleEngineAuditor(brand_kit=kit, brand_kit_dirs=dirs, judge=judge,
                             second_opinion=second_opinion, notes=notes)


def _second_opinion(settings: Settings | None) -> tuple[LearnedModel | None, list[str]]:
    """The packaged learned model when ``COMPLIANCE_SECOND_OPINION`` is on (the default, and
    with no settings); without a built model the auditor runs on the rules alone and every
    report says so in ``notChecked`` rather than failing the campaign."""
    if settings is not None and not settings.compliance_second_opinion:
        return None, []
    from .learned import ModelUnavailable, load_model

    try:
        return load_model(), []
    except ModelUnavailable as missing:
        return None, [str(missing)]


def warm_up() -> None:
    """Load now what the first audit would otherwise load while the host serves: the
    packaged rule packs and textstat's pronunciation dictionary. The dictionary alone is
    about a second of pure-Python work that holds the GIL (measured: the first audit of a
    fresh process took 1.2 s, later ones 30 ms), so paid during a request it stalls every
    thread of the process, the host's HTTP front included; unpickling the learned model is
    the same kind of work. Called once at app start-up."""
    import textstat

    from .learned import ModelUnavailable, load_model
    from .packs import packaged_packs

    packaged_packs()
    textstat.syllable_count("warm")
    with suppress(ModelUnavailable):  # build_auditor says so in every report
        load_model()


def __getattr__(name: str) -> Any:
    if name == "RuleEngineAuditor":
        from .engine import RuleEngineAuditor

        return RuleEngineAuditor
    if name == "Judge":
        from .judge import Judge

        return Judge
    raise AttributeError(name)
