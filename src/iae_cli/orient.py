"""Orientation: from a person's diploma, experience, domain and wish to the posts open now, the next
ones with exactly what is missing, and the route to the best one.

The rule is `match`'s (diploma level and the years a fiche sets as a condition, minimums only;
years the study calls « un atout déterminant » leave the post open, with a warning), with two
additions the study asks for: a sector diploma a fiche names as an alternative (« DEFA », « diplôme
de travail social ») counts as its diploma; and experience counts fully only in the domain a fiche
asks for (« dans l'action sociale »): elsewhere it counts for less, and the post is shown with that
missing, not as open (or, when the fiche's years are only a decisive asset, open with a warning).
How close a post is to the person's wish is the search index's BM25 score of the fiche for the
wish's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

from iae_cli.careers import CareerGraph, Route
from iae_cli.diplomas import Diploma, accepts
from iae_cli.french import fold
from iae_cli.match import Gap, MatchEntry, MatchResult, Profile, gap
from iae_cli.model import FicheSummary
from iae_cli.search import SearchIndex


class Choice(NamedTuple):
    key: str
    label: str
    words: tuple[str, ...]  # for a domain: what a fiche's domain text must contain; for a wish: its query


# An experience in insertion counts for the fiches that ask for action sociale or the social and
# solidarity economy: the study's structures of insertion belong to both (sector, pp. 5-14).
DOMAINS: dict[str, Choice] = {
    c.key: c
    for c in (
        Choice("action-sociale", "action sociale", ("action sociale",)),
        Choice("ess", "économie sociale et solidaire", ("economie sociale",)),
        Choice("insertion", "insertion", ("insertion", "action sociale", "economie sociale")),
        Choice("finance", "finance, banque", ("finance", "banque")),
        Choice("creation-entreprise", "création d'entreprise", ("creation d'entreprise",)),
        Choice("gestion-rh", "gestion, ressources humaines", ("gestion", "ressources humaines")),
        Choice("direction", "direction d'entreprise", ("direction d'entreprise",)),
        Choice("autre", "autre domaine", ()),
    )
}

WISHES: dict[str, Choice] = {
    c.key: c
    for c in (
        Choice("accompagner", "accompagner des personnes", ("accompagner", "suivi", "parcours", "salariés", "écoute")),
        Choice("diriger", "diriger une structure", ("diriger", "direction", "stratégie", "gouvernance", "équipes")),
        Choice(
            "developper",
            "développer un réseau ou un territoire",
            ("développer", "réseau", "territoire", "territorial", "partenariats"),
        ),
        Choice("gerer", "gérer les finances ou les ressources humaines", ("gestion", "financière", "budget", "RH")),
        Choice(
            "financer",
            "financer et accompagner des créateurs d'entreprise",
            ("microcrédit", "créateurs", "création", "prêt", "financement"),
        ),
    )
}


# The routes to a missing diploma that the study names (sector, training, pp. 15-26), in this order.
DIPLOMA_ROUTES = ("vae", "miess", "etaie")


NO_WISH = Choice("", "", ())  # `match` asks for no wish


class Person(NamedTuple):
    diploma: Diploma
    years: float
    domain: Choice | None  # one of DOMAINS; None without experience
    wish: Choice  # one of WISHES
    current: str | None = None  # a fiche or role id


class Assessment(NamedTuple):
    """One fiche for one person: what is missing (nothing when open) and how close to the wish."""

    fiche: FicheSummary
    bac: int  # diploma levels missing
    alternative: str | None  # the fiche's alternative the person's diploma satisfies
    years: float  # years missing, of those the fiche sets as a condition
    domain_ok: bool | None  # None when the fiche names no domain (or the person has no experience)
    fit: float  # BM25 score of the fiche for the wish (0: no word of the wish)
    asset_years: float = 0.0  # years short of what the study calls a decisive asset (not a condition)

    @property
    def decisive_asset(self) -> bool:
        """The fiche's years (and their domain) are a decisive asset, not a condition."""
        return self.fiche.experience.standing == "decisive-asset"

    @property
    def domain_blocks(self) -> bool:
        return self.domain_ok is False and not self.decisive_asset

    @property
    def open(self) -> bool:
        return self.bac == 0 and self.years == 0 and not self.domain_blocks

    @property
    def caveat(self) -> bool:
        """Open, but short of the decisive asset (its years, or its domain)."""
        return self.open and (self.asset_years > 0 or self.domain_ok is False)

    @property
    def distance(self) -> float:
        return self.bac + self.years + (1 if self.domain_blocks else 0)


class Training(NamedTuple):
    id: str
    name: str
    summary: str
    pages: str


class Orientation(NamedTuple):
    person: Person
    open: tuple[Assessment, ...]
    next: tuple[Assessment, ...]
    target: str | None  # the post the route leads to
    route: Route | None
    training: tuple[Training, ...]  # the study's diploma routes, when a diploma is missing


def domain_satisfies(domain: Choice | None, fiche_domain: str | None) -> bool | None:
    """Whether experience in `domain` is experience in the domain a fiche asks for."""
    if fiche_domain is None or domain is None:
        return None
    wanted = fold(fiche_domain)
    return any(word in wanted for word in domain.words)


def assess(person: Person, fiche: FicheSummary, fit: float, profile: Profile | None = None) -> Assessment:
    """One fiche for one person (`profile`: the person's diploma level and years, when already built)."""
    missing = gap(profile or Profile(person.diploma.bac, person.years), fiche)
    alternative = accepts(fiche.diploma.alternatives, person.diploma) if missing.bac else None
    domain_ok = _domain_ok(person.domain, fiche.experience.domain) if person.years else None
    bac = 0 if alternative else missing.bac
    return Assessment(fiche, bac, alternative, missing.years, domain_ok, fit, missing.asset_years)


@cache
def _domain_ok(domain: Choice | None, fiche_domain: str | None) -> bool | None:
    """`domain_satisfies`, once per distinct pair: thousands of fiches share a few domains."""
    return domain_satisfies(domain, fiche_domain)


def match_person(
    diploma: Diploma, years: float, domain: Choice | None, fiches: Iterable[FicheSummary], level: str | None = None
) -> MatchResult:
    """`match` with what orient adds (a named diploma's alternative, the domain of experience):
    the same rule as `orient`, in `match`'s shape, so that both commands agree."""
    person = Person(diploma, years, domain, NO_WISH)
    profile = Profile(diploma.bac, years)
    eligible: list[MatchEntry] = []
    caveat: list[MatchEntry] = []
    near: list[tuple[float, int, str, MatchEntry]] = []
    for fiche in fiches:
        if level is not None and fiche.level != level:
            continue
        a = assess(person, fiche, 0.0, profile)
        lacking = fiche.experience.domain if a.domain_ok is False else None
        entry = MatchEntry(fiche, Gap(a.bac, a.years, a.asset_years), lacking, a.alternative)
        if not a.open:
            near.append((a.distance, a.bac, fiche.id, entry))
        else:
            (caveat if a.caveat else eligible).append(entry)
    near.sort(key=lambda item: item[:3])
    return MatchResult(profile, tuple(eligible), tuple(item[3] for item in near), tuple(caveat))


def wish_scores(index: SearchIndex, wish: Choice) -> dict[str, float]:
    """Each fiche's BM25 score for the words of a wish (fiches without any of them: absent)."""
    return index.scores(" ".join(wish.words), "fiche")


def orient(
    person: Person,
    fiches: Iterable[FicheSummary],
    scores: Mapping[str, float],
    graph: CareerGraph,
    training: Iterable[Mapping[str, Any]] = (),
) -> Orientation:
    profile = Profile(person.diploma.bac, person.years)
    assessed = [assess(person, f, scores.get(f.id, 0.0), profile) for f in fiches]
    opened = sorted((a for a in assessed if a.open), key=lambda a: (-a.fit, a.fiche.id))
    following = sorted((a for a in assessed if not a.open), key=lambda a: (a.distance, -a.fit, a.fiche.id))
    target, route = _route(person, opened, following, graph)
    needs_diploma = any(a.bac for a in following)
    named = {t["id"]: t for t in training} if needs_diploma else {}
    routes = tuple(
        Training(key, named[key]["name"], named[key]["summary"], named[key]["pages"])
        for key in DIPLOMA_ROUTES
        if key in named and (key != "vae" or person.years)  # no experience: nothing for the VAE to validate
    )
    return Orientation(person, tuple(opened), tuple(following), target, route, routes)


def _route(
    person: Person, opened: list[Assessment], following: list[Assessment], graph: CareerGraph
) -> tuple[str | None, Route | None]:
    """The best post not open yet and the route to it: among the five nearest, the closest to the
    wish that a route reaches from the person's current post (else from a post open to them, the
    closest to the wish first); when none is reachable, the closest to the wish, without a route."""
    if not following:
        return None, None
    candidates = sorted(following[:5], key=lambda a: (-a.fit, a.distance, a.fiche.id))
    starts = [person.current] if person.current else [a.fiche.id for a in opened]
    for candidate in candidates:
        for start in starts:
            if start != candidate.fiche.id:
                found = graph.shortest_routes(start, candidate.fiche.id, limit=1)
                if found:
                    return candidate.fiche.id, found[0]
    return candidates[0].fiche.id, None


def parse_choice(text: str, choices: Mapping[str, Choice]) -> Choice | None:
    """An answer among choices: its number (from 1), its key, or words of its label (« action
    sociale », « finance », « accompagner »); None when it names none or several."""
    key = " ".join(fold(text).replace("-", " ").replace("'", " ").split())
    if not key:
        return None
    listed = list(choices.values())
    if key.isdigit():
        return listed[int(key) - 1] if 1 <= int(key) <= len(listed) else None
    exact = [c for c in listed if key in (c.key.replace("-", " "), fold(c.label))]
    if exact:
        return exact[0]
    found = [c for c in listed if key in fold(c.label).replace("'", " ") or key in c.key.replace("-", " ")]
    return found[0] if len(found) == 1 else None


_NUMBER_WORDS = {
    "zero": 0,
    "aucune": 0,
    "aucun": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
}


def parse_years(text: str) -> float | None:
    """Years of experience as a person writes them: « 2 », « 2,5 », « deux ans », « aucune »."""
    words = fold(text).replace(",", ".").split()
    if not words or len(words) > 3 or (len(words) > 1 and words[1] not in ("an", "ans", "annee", "annees")):
        return None
    first = words[0]
    if first in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[first])
    try:
        value = float(first)
    except ValueError:
        return None
    return value if 0 <= value <= 60 else None
