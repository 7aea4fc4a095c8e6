"""Who can apply where: eligibility and what is missing, from the fiches' requirements."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from iae_cli.errors import UsageError
from iae_cli.model import FicheSummary

MAX_BAC = 8
MAX_YEARS = 60.0


class Profile:
    """A person: highest diploma as bac+N, and years of professional experience (checked)."""

    __slots__ = ("bac", "years")

    def __init__(self, bac: int, years: float) -> None:
        check_profile(bac, years)
        self.bac = bac
        self.years = years

    def __repr__(self) -> str:
        return f"Profile(bac={self.bac}, years={self.years})"


def check_profile(bac: int | None, years: float | None) -> None:
    if bac is not None and not 0 <= bac <= MAX_BAC:
        raise UsageError(f"--bac doit être un niveau entre 0 (baccalauréat) et {MAX_BAC} (doctorat) ; reçu : {bac}")
    if years is not None and (math.isnan(years) or not 0 <= years <= MAX_YEARS):
        raise UsageError(f"--years doit être un nombre d'années entre 0 et {MAX_YEARS:g} ; reçu : {years}")


class Gap(NamedTuple):
    """What a person lacks for a fiche: diploma levels and years (0 when met)."""

    bac: int
    years: float

    @property
    def met(self) -> bool:
        return self.bac == 0 and self.years == 0

    @property
    def size(self) -> float:
        return self.bac + self.years


def gap(profile: Profile, fiche: FicheSummary) -> Gap:
    """The upper end of a range is never a ceiling: only minimums count."""
    missing_bac = max(0, fiche.diploma.min_bac - profile.bac)
    missing_years = max(0.0, fiche.experience.min_years - profile.years)
    return Gap(missing_bac, round(missing_years, 2))


class MatchEntry(NamedTuple):
    fiche: FicheSummary
    missing: Gap

    @property
    def table_is_more_lenient(self) -> bool:
        """The study's summary table opens this post with less experience than the fiche."""
        return self.fiche.experience.table_differs


class MatchResult(NamedTuple):
    profile: Profile
    eligible: tuple[MatchEntry, ...]
    near: tuple[MatchEntry, ...]


def match(profile: Profile, fiches: Iterable[FicheSummary], level: str | None = None) -> MatchResult:
    """Eligible fiches (in catalog order) and the others, smallest gap first.

    The same rule as `gap`, written out in the loop: it runs once per fiche of the catalog.
    """
    eligible: list[MatchEntry] = []
    near: list[MatchEntry] = []
    bac, years = profile.bac, profile.years
    none_missing = Gap(0, 0.0)
    for fiche in fiches:
        if level is not None and fiche.level != level:
            continue
        missing_bac = fiche.diploma.min_bac - bac
        missing_years = round(fiche.experience.min_years - years, 2)
        if missing_bac <= 0 and missing_years <= 0:
            eligible.append(MatchEntry(fiche, none_missing))
        else:
            near.append(MatchEntry(fiche, Gap(max(0, missing_bac), max(0.0, missing_years))))
    near.sort(key=lambda e: (e.missing.bac + e.missing.years, e.missing.bac, e.fiche.id))
    return MatchResult(profile, tuple(eligible), tuple(near))
