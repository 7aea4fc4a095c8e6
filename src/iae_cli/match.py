"""Who can apply where: eligibility and what is missing, from the fiches' requirements.

The rule (README, « Qui peut postuler où ») : a post is open when its diploma level and the years
its fiche sets as a condition are met (« en général » counts as a condition). Years the study only
calls « un atout déterminant » are never a condition: a person without them is in a third group,
open but warned. Plain assets (« un atout ») and the upper end of a range never count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple

from iae_cli.errors import OutOfRange
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
    """The one range check of a profile (OutOfRange names the field; the CLI names its option)."""
    if bac is not None and not 0 <= bac <= MAX_BAC:
        message = f"le diplôme doit être un niveau entre 0 (baccalauréat) et {MAX_BAC} (doctorat) ; reçu : {bac}"
        raise OutOfRange("bac", message)
    if years is not None and (math.isnan(years) or not 0 <= years <= MAX_YEARS):
        raise OutOfRange("years", f"l'expérience doit être entre 0 et {MAX_YEARS:g} ans ; reçu : {years}")


class Gap(NamedTuple):
    """What a person lacks for a fiche: diploma levels and required years (0 when met), and the
    years short of what the study calls a decisive asset (never a condition)."""

    bac: int
    years: float
    asset_years: float = 0.0

    @property
    def met(self) -> bool:
        return self.bac == 0 and self.years == 0

    @property
    def caveat(self) -> bool:
        """Open, but short of a decisive asset."""
        return self.met and self.asset_years > 0

    @property
    def size(self) -> float:
        return self.bac + self.years


def gap(profile: Profile, fiche: FicheSummary) -> Gap:
    """The upper end of a range is never a ceiling: only minimums count."""
    missing_bac = max(0, fiche.diploma.min_bac - profile.bac)
    missing_years = max(0.0, fiche.experience.required_years - profile.years)
    missing_asset = max(0.0, fiche.experience.asset_years - profile.years)
    return Gap(missing_bac, round(missing_years, 2), round(missing_asset, 2))


StepState = Literal["open", "caveat", "blocked", "later", "unknown"]


def route_states(route: Sequence[str], fiches: Mapping[str, FicheSummary], profile: Profile) -> tuple[StepState, ...]:
    """Where a person stands at each step of a route: `open` (requirements met), `caveat`
    (requirements met, short of a decisive asset), `blocked` (the first step not met), `later`
    (the steps after it), `unknown` (a post with no fiche, hence no stated requirements)."""
    states: list[StepState] = []
    blocked = False
    for node in route:
        fiche = fiches.get(node)
        if fiche is None:
            states.append("unknown")
        elif (missing := gap(profile, fiche)).met:
            states.append("caveat" if missing.caveat else "open")
        elif not blocked:
            blocked = True
            states.append("blocked")
        else:
            states.append("later")
    return tuple(states)


class MatchEntry(NamedTuple):
    fiche: FicheSummary
    missing: Gap


class MatchResult(NamedTuple):
    """`eligible`: every condition met; `caveat`: every condition met, but short of what the study
    calls a decisive asset; `near`: a condition is missing (smallest gap first)."""

    profile: Profile
    eligible: tuple[MatchEntry, ...]
    near: tuple[MatchEntry, ...]
    caveat: tuple[MatchEntry, ...] = ()

    @property
    def open_count(self) -> int:
        return len(self.eligible) + len(self.caveat)


def match(profile: Profile, fiches: Iterable[FicheSummary], level: str | None = None) -> MatchResult:
    """Eligible fiches and open-with-a-caveat ones (in catalog order), and the others, smallest gap first.

    The same rule as `gap`, written out in the loop: it runs once per fiche of the catalog.
    """
    eligible: list[MatchEntry] = []
    caveat: list[MatchEntry] = []
    near: list[MatchEntry] = []
    bac, years = profile.bac, profile.years
    none_missing = Gap(0, 0.0)
    for fiche in fiches:
        if level is not None and fiche.level != level:
            continue
        experience = fiche.experience
        missing_bac = fiche.diploma.min_bac - bac
        if experience.standing == "decisive-asset":
            missing_years, missing_asset = 0.0, max(0.0, round(experience.min_years - years, 2))
        else:
            missing_years, missing_asset = round(experience.min_years - years, 2), 0.0
        if missing_bac <= 0 and missing_years <= 0:
            if missing_asset:
                caveat.append(MatchEntry(fiche, Gap(0, 0.0, missing_asset)))
            else:
                eligible.append(MatchEntry(fiche, none_missing))
        else:
            near.append(MatchEntry(fiche, Gap(max(0, missing_bac), max(0.0, missing_years), missing_asset)))
    near.sort(key=lambda e: (e.missing.bac + e.missing.years, e.missing.bac, e.fiche.id))
    return MatchResult(profile, tuple(eligible), tuple(near), tuple(caveat))
