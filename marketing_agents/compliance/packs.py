"""Rule packs: loading the versioned YAML files and choosing which apply to a campaign.

Packs ship as package data in ``packs/`` (found relative to this file, so they work in an
installed package and in the Functions deployment alike). A brand kit is a pack with a
``brand`` section (product names, palette, reading level, which packs to add or drop);
custom kits are YAML files in the same format (see ``examples/brand-kits/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from ..models import CampaignBrief, RulePackRef
from .kinds import Rule
from .rules import RuleModel

PACKS_DIR = Path(__file__).resolve().parent / "packs"
DEFAULT_BRAND_KIT = "default"


class PackError(ValueError):
    """A pack or brand kit file is missing or malformed; the message names the file."""


class PackSelection(RuleModel):
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)


class BrandSettings(RuleModel):
    """What a brand kit knows beyond its rules."""

    name: str
    voice: list[str] = Field(default_factory=list)
    product_names: list[str] = Field(default_factory=list)
    palette: list[str] = Field(default_factory=list)
    reading_level: float | None = None
    packs: PackSelection = Field(default_factory=PackSelection)


class RulePack(RuleModel):
    """One versioned rule file. ``activate_on`` patterns (any match in the brief or the
    artifacts) switch a topical pack on; an empty list means always on."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")
    version: str
    title: str
    description: str = ""
    kind: Literal["brand-kit", "regulatory", "platform", "accessibility", "brief"]
    activate_on: list[str] = Field(default_factory=list)
    brand: BrandSettings | None = None
    rules: list[Rule] = Field(default_factory=list)

    def ref(self) -> RulePackRef:
        return RulePackRef(id=self.id, version=self.version)

    def activated_by(self, text: str) -> bool:
        return not self.activate_on or any(_compiled(p).search(text) for p in self.activate_on)


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def load_pack(path: Path) -> RulePack:
    """Parse and validate one pack file; errors name the file and the bad field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PackError(f"cannot read rule pack {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise PackError(f"rule pack {path} is not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise PackError(f"rule pack {path} must be a mapping")
    try:
        pack = RulePack.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"rule pack {path}: {where}: {first['msg']}") from error
    ids = [r.id for r in pack.rules]
    if len(ids) != len(set(ids)):
        raise PackError(f"rule pack {path}: duplicate rule ids")
    return pack


@lru_cache(maxsize=1)
def packaged_packs() -> dict[str, RulePack]:
    """Every pack shipped with the package, by id (loaded once per process)."""
    packs = [load_pack(p) for p in sorted(PACKS_DIR.glob("*.yaml"))]
    return {p.id: p for p in packs}


def find_brand_kit(ref: str | None, search_dirs: Iterable[Path] = ()) -> RulePack:
    """A brand kit by id (``<dir>/<id>.yaml`` in ``search_dirs``, then the packaged kits)
    or by file path; no ref gives the default kit."""
    if ref and (ref.endswith((".yaml", ".yml")) or "/" in ref):
        pack = load_pack(Path(ref))
    else:
        kit_id = ref or DEFAULT_BRAND_KIT
        found = _kit_in_dirs(kit_id, search_dirs) or packaged_packs().get(kit_id)
        if found is None:
            raise PackError(f"brand kit {kit_id!r} not found")
        pack = found
    if pack.kind != "brand-kit" or pack.brand is None:
        raise PackError(f"{ref} is a rule pack, not a brand kit (kind: brand-kit, brand: …)")
    return pack


def _kit_in_dirs(kit_id: str, dirs: Iterable[Path]) -> RulePack | None:
    for directory in dirs:
        for suffix in (".yaml", ".yml"):
            path = directory / f"{kit_id}{suffix}"
            if path.is_file():
                return load_pack(path)
    return None


def brief_text(brief: CampaignBrief) -> str:
    parts = [brief.theme, brief.product, brief.target_audience, brief.tone]
    return "\n".join(parts + list(brief.constraints) + list(brief.evidence))


def select_packs(brand_kit: RulePack, campaign_text: str) -> tuple[list[RulePack], set[str]]:
    """The packs to run (all shipped packs the brand kit does not drop) and the ids of
    those that apply up front: the kit, always-on packs, packs the kit adds, and topical
    packs whose ``activate_on`` matches the brief or the artifacts. A topical pack that
    did not activate still runs (a disease claim in a water-bottle campaign must not
    slip through); it is recorded in the report only if it finds something."""
    assert brand_kit.brand is not None
    wanted = set(brand_kit.brand.packs.include)
    dropped = set(brand_kit.brand.packs.exclude)
    packs = [brand_kit]
    active = {brand_kit.id}
    for pack in packaged_packs().values():
        if pack.kind == "brand-kit" or pack.id in dropped:
            continue
        packs.append(pack)
        if pack.id in wanted or pack.activated_by(campaign_text):
            active.add(pack.id)
    return packs, active
