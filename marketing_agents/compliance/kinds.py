"""The rule kinds a rule pack may use, listed once.

A new kind is one :class:`~.rules.BaseRule` subclass (its ``kind`` tag, its settings and
its ``check``) and one line here; the engine only calls ``rule.check``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .accessibility import AltTextRule, ContrastRule
from .checks import (
    CapitalizationRule,
    ConditionalRule,
    ExistenceRule,
    LimitRule,
    MetricRule,
    RequiredRule,
    SubstitutionRule,
)
from .claims import ClaimRule
from .conflicts import UndisclosedConditionRule
from .contradictions import ContradictedClaimRule
from .named_endorser import NamedEndorsementRule
from .nutrition import ConditionOfUseRule, NutritionClaimRule
from .quotations import CroppedQuoteRule
from .social_proof import SocialProofRule
from .structure import ClaimVerbRule, EndorsementRule
from .weight_rate import WeightLossRule

Rule = Annotated[
    ExistenceRule
    | SubstitutionRule
    | RequiredRule
    | ConditionalRule
    | LimitRule
    | CapitalizationRule
    | MetricRule
    | ClaimRule
    | ClaimVerbRule
    | EndorsementRule
    | NamedEndorsementRule
    | CroppedQuoteRule
    | UndisclosedConditionRule
    | SocialProofRule
    | ContradictedClaimRule
    | NutritionClaimRule
    | ConditionOfUseRule
    | WeightLossRule
    | AltTextRule
    | ContrastRule,
    Field(discriminator="kind"),
]
