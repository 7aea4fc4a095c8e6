"""Who can apply where: eligibility and what is missing, from the fiches' requirements.

The rule (README, « Qui peut postuler où ») : a post is open when its diploma level and the years
its fiche sets as a condition are met (« en général » counts as a condition). Years the fiche only
calls « un atout déterminant » are no condition: there the condition is the floor of the study's
summary table of required experience, and a person past that floor but short of the asset is in a
third group, open but warned. Plain assets (« un atout ») and the upper end of a range never count.
"""

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, Literal, NamedTuple, Protocol, TypeVar, overload

from iae_cli.errors import OutOfRange
from iae_cli.model import FicheSummary, Requirements

# Builds the whole summaries of the fiches at some positions of the list order (Catalog.summaries_at).
SummariesAt = Callable[[Sequence[int]], list[FicheSummary]]

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
    domain: str | None = None  # the domain the fiche asks for, when the person's experience is elsewhere
    alternative: str | None = None  # the fiche's accepted diploma that the person's named diploma is


class EntryAt(NamedTuple):
    """A MatchEntry before its fiche's summary is built: the fiche by its position in list order."""

    position: int
    missing: Gap
    domain: str | None = None
    alternative: str | None = None


class AtPosition(Protocol):
    """A row that names a fiche by its position in list order."""

    @property
    def position(self) -> int: ...


Row = TypeVar("Row", bound=AtPosition)
Item = TypeVar("Item")


class BuiltWhenRead(Sequence[Item], Generic[Row, Item]):
    """Items in a given order, each made from a row and its fiche's whole summary only when read: a
    view shows the first few of thousands, and a slice (or a whole iteration) builds its summaries
    in one batch. A subclass says how an item is made (`_item`)."""

    def __init__(self, rows: Sequence[Row], summaries_at: SummariesAt) -> None:
        self.rows = rows
        self._summaries_at = summaries_at

    def _item(self, summary: FicheSummary, row: Row) -> Item:
        raise NotImplementedError

    def _built(self, rows: Sequence[Row]) -> tuple[Item, ...]:
        summaries = self._summaries_at([row.position for row in rows])
        return tuple(self._item(s, row) for s, row in zip(summaries, rows, strict=True))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Item]:
        return iter(self[:])

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Item, ...]: ...

    def __getitem__(self, index: int | slice) -> Item | tuple[Item, ...]:
        if isinstance(index, slice):
            return self._built(self.rows[index])
        return self._built([self.rows[index]])[0]


class MatchEntries(BuiltWhenRead[EntryAt, MatchEntry]):
    """Match entries in a given order (for the near misses: smallest gap first)."""

    def _item(self, summary: FicheSummary, row: EntryAt) -> MatchEntry:
        return MatchEntry(summary, *row[1:])


class MatchResult(NamedTuple):
    """`eligible`: every condition met; `caveat`: every condition met, but short of what the study
    calls a decisive asset; `near`: a condition is missing (smallest gap first)."""

    profile: Profile
    eligible: tuple[MatchEntry, ...]
    near: Sequence[MatchEntry]
    caveat: tuple[MatchEntry, ...] = ()

    @property
    def open_count(self) -> int:
        return len(self.eligible) + len(self.caveat)


def match(profile: Profile, fiches: Iterable[FicheSummary], level: str | None = None) -> MatchResult:
    """Eligible fiches and open-with-a-caveat ones (in catalog order), and the others, smallest gap first."""
    summaries = list(fiches)
    return match_requirements(profile, Requirements.of(summaries), lambda at: [summaries[p] for p in at], level)


def match_requirements(
    profile: Profile,
    requirements: Requirements,
    summaries_at: SummariesAt,
    level: str | None = None,
) -> MatchResult:
    """`match` on the catalog's requirement columns: `summaries_at(positions)` builds fiches' whole
    summaries, asked only for the open posts and for the near misses a view reads.

    The same rule as `gap`, written out in the loop: it runs once per fiche of the catalog.
    """
    eligible: list[int] = []
    caveat: list[EntryAt] = []
    near: list[tuple[float, int, str, int, float, float]] = []
    ids = requirements.ids
    bac, years = profile.bac, profile.years
    none_missing = Gap(0, 0.0)
    columns = zip(
        requirements.levels, requirements.min_bac, requirements.required_years, requirements.asset_years, strict=True
    )
    for position, (fiche_level, min_bac, required_years, asset_years) in enumerate(columns):
        if level is not None and fiche_level != level:
            continue
        missing_bac = min_bac - bac
        missing_years = round(required_years - years, 2)
        missing_asset = max(0.0, round(asset_years - years, 2))
        if missing_bac <= 0 and missing_years <= 0:
            if missing_asset:
                caveat.append(EntryAt(position, Gap(0, 0.0, missing_asset)))
            else:
                eligible.append(position)
        else:  # sorted as they come: smallest gap, then fewest levels missing, then id (plain tuples, C-level)
            missing_bac, missing_years = max(0, missing_bac), max(0.0, missing_years)
            gap_size = missing_bac + missing_years
            near.append((gap_size, missing_bac, ids[position], position, missing_years, missing_asset))
    near.sort()
    opened = MatchEntries([EntryAt(position, none_missing) for position in eligible], summaries_at)
    return MatchResult(
        profile, opened[:], MatchEntries(_NearRows(near), summaries_at), MatchEntries(caveat, summaries_at)[:]
    )


class _NearRows(Sequence[EntryAt]):
    """The near misses as the loop sorted them, each EntryAt made when read (a view reads ten)."""

    def __init__(self, rows: list[tuple[float, int, str, int, float, float]]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> EntryAt: ...

    @overload
    def __getitem__(self, index: slice) -> list[EntryAt]: ...

    def __getitem__(self, index: int | slice) -> EntryAt | list[EntryAt]:
        if isinstance(index, slice):
            return [self._entry(row) for row in self._rows[index]]
        return self._entry(self._rows[index])

    @staticmethod
    def _entry(row: tuple[float, int, str, int, float, float]) -> EntryAt:
        _size, bac, _id, position, years, asset = row
        return EntryAt(position, Gap(bac, years, asset))
