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

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from iae_cli.careers import CareerGraph, Route
from iae_cli.diplomas import Diploma, accepts, years_of
from iae_cli.french import fold
from iae_cli.match import MAX_YEARS, BuiltWhenRead, EntryAt, Gap, MatchEntries, MatchResult, Profile, SummariesAt
from iae_cli.model import FicheSummary, Requirements
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
# Not the ETAIE title: the study (p. 21-26) gives it no level, and it is for the SIAE's permanent
# staff who supervise salariés en insertion, not a way to the bac+4 or bac+5 a cadre post asks.
DIPLOMA_ROUTES = ("vae", "miess")


NO_WISH = Choice("", "", ())  # `match` asks for no wish


class Person(NamedTuple):
    diploma: Diploma
    years: float
    domain: Choice | None  # one of DOMAINS; None without experience
    wish: Choice  # one of WISHES
    current: str | None = None  # a fiche or role id


def standing(
    bac: int, years: float, domain_ok: bool | None, asset_years: float, decisive: bool
) -> tuple[bool, bool, float]:
    """Whether a post is open to a person, whether it is open with a caveat (short of a decisive
    asset: its years, or its domain), and how far it is (levels and years missing, one more for a
    domain that blocks): the one rule that orient's sort and `Assessment` share."""
    domain_blocks = domain_ok is False and not decisive
    is_open = bac == 0 and years == 0 and not domain_blocks
    caveat = is_open and (asset_years > 0 or domain_ok is False)
    return is_open, caveat, bac + years + (1 if domain_blocks else 0)


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

    def _standing(self) -> tuple[bool, bool, float]:
        return standing(self.bac, self.years, self.domain_ok, self.asset_years, self.decisive_asset)

    @property
    def open(self) -> bool:
        return self._standing()[0]

    @property
    def caveat(self) -> bool:
        """Open, but short of the decisive asset (its years, or its domain)."""
        return self._standing()[1]

    @property
    def distance(self) -> float:
        return self._standing()[2]


class Verdict(NamedTuple):
    """An Assessment before its fiche's summary is built: the fiche's position in list order, then
    what `Assessment` holds, then its standing (open, caveat, distance)."""

    position: int
    bac: int
    alternative: str | None
    years: float
    domain_ok: bool | None
    fit: float
    asset_years: float
    open: bool
    caveat: bool
    distance: float


class Assessments(BuiltWhenRead[Verdict, Assessment]):
    """Assessments in a given order, each fiche's summary built only when read."""

    def _item(self, summary: FicheSummary, row: Verdict) -> Assessment:
        return Assessment(summary, *row[1:7])

    def where(self, keep: Callable[[Verdict], bool]) -> "Assessments":
        """The assessments whose verdict `keep` accepts, in the same order."""
        return Assessments([v for v in self.rows if keep(v)], self._summaries_at)


class Training(NamedTuple):
    id: str
    name: str
    summary: str
    pages: str


class Orientation(NamedTuple):
    person: Person
    open: Assessments  # best fit first; `ready` then `caveat` split them as match does
    next: Assessments  # nearest first
    target: str | None  # the post the route leads to
    route: Route | None
    training: tuple[Training, ...]  # the study's diploma routes, when a diploma is missing

    @property
    def ready(self) -> Assessments:
        """The open posts where every condition is met."""
        return self.open.where(lambda v: not v.caveat)

    @property
    def caveat(self) -> Assessments:
        """The open posts short of a decisive asset."""
        return self.open.where(lambda v: v.caveat)

    @property
    def best_fit(self) -> float:
        """The highest closeness to the wish, among every post (the scale of « proche de votre envie »)."""
        return max((v.fit for v in (*self.open.rows, *self.next.rows)), default=0.0)

    @property
    def domain_elsewhere(self) -> bool:
        """Whether some post is not open only because the experience is in another domain."""
        return any(v.domain_ok is False for v in self.next.rows)


def domain_satisfies(domain: Choice | None, fiche_domain: str | None) -> bool | None:
    """Whether experience in `domain` is experience in the domain a fiche asks for."""
    if fiche_domain is None or domain is None:
        return None
    wanted = fold(fiche_domain)
    return any(word in wanted for word in domain.words)


def years_missing(required: float, asset: float, years: float, elsewhere: bool) -> tuple[float, float]:
    """Years missing of the condition and of the decisive asset. `elsewhere`: the person's years are in
    another domain than the fiche's, so none of them count toward the fiche's figure: all of it is missing
    (for a decisive asset, the asset; the condition left, the summary table's floor, names no domain)."""
    condition = round(max(0.0, required - years), 2)
    if not elsewhere:
        return condition, round(max(0.0, asset - years), 2)
    return (condition, asset) if asset else (required, 0.0)


def verdicts(
    person: Person, requirements: Requirements, scores: Mapping[str, float], level: str | None = None
) -> list[Verdict]:
    """Every fiche (of `level`, when given) for one person, from the catalog's requirement columns.

    The rule is `match.gap`'s, with a named diploma's alternative and the domain of experience."""
    bac, years, diploma, domain = person.diploma.bac, person.years, person.diploma, person.domain
    out: list[Verdict] = []
    # Thousands of fiches share a few domains, durations and standings: each is worked out once.
    domains: dict[str | None, bool | None] = {}
    durations: dict[tuple[float, float, bool], tuple[float, float]] = {}
    standings: dict[tuple[int, float, bool | None, float, bool], tuple[bool, bool, float]] = {}
    columns = zip(*requirements, strict=True)
    for position, (
        fiche_id,
        fiche_level,
        min_bac,
        required,
        asset,
        fiche_standing,
        fiche_domain,
        accepted,
    ) in enumerate(columns):
        if level is not None and fiche_level != level:
            continue
        decisive = fiche_standing == "decisive-asset"
        missing_bac = max(0, min_bac - bac)
        alternative = accepts(accepted, diploma) if missing_bac and accepted else None
        if not years:
            domain_ok = None
        elif fiche_domain in domains:
            domain_ok = domains[fiche_domain]
        else:
            domain_ok = domains[fiche_domain] = domain_satisfies(domain, fiche_domain)
        duration = (required, asset, domain_ok is False)
        if duration not in durations:
            durations[duration] = years_missing(required, asset, years, domain_ok is False)
        missing_years, asset_years = durations[duration]
        missing_bac = 0 if alternative else missing_bac
        key = (missing_bac, missing_years, domain_ok, asset_years, decisive)
        state = standings.get(key) or standings.setdefault(key, standing(*key))
        fit = scores.get(fiche_id, 0.0)
        out.append(Verdict(position, missing_bac, alternative, missing_years, domain_ok, fit, asset_years, *state))
    return out


def match_person(
    diploma: Diploma,
    years: float,
    domain: Choice | None,
    requirements: Requirements,
    summaries_at: SummariesAt,
    level: str | None = None,
) -> MatchResult:
    """`match` with what orient adds (a named diploma's alternative, the domain of experience):
    the same rule as `orient`, in `match`'s shape, so that both commands agree."""
    person = Person(diploma, years, domain, NO_WISH)
    found = verdicts(person, requirements, {}, level)
    domains = requirements.domains

    def entry(v: Verdict) -> EntryAt:
        lacking = domains[v.position] if v.domain_ok is False else None
        return EntryAt(v.position, Gap(v.bac, v.years, v.asset_years), lacking, v.alternative)

    ids = requirements.ids
    near = sorted((v for v in found if not v.open), key=lambda v: (v.distance, v.bac, ids[v.position]))
    opened = MatchEntries([entry(v) for v in found if v.open and not v.caveat], summaries_at)
    held = MatchEntries([entry(v) for v in found if v.caveat], summaries_at)
    return MatchResult(
        Profile(diploma.bac, years), opened[:], MatchEntries([entry(v) for v in near], summaries_at), held[:]
    )


def wish_scores(index: SearchIndex, wish: Choice) -> dict[str, float]:
    """Each fiche's BM25 score for the words of a wish (fiches without any of them: absent)."""
    return index.scores(" ".join(wish.words), "fiche")


def orient(
    person: Person,
    requirements: Requirements,
    summaries_at: SummariesAt,
    scores: Mapping[str, float],
    graph: CareerGraph,
    training: Iterable[Mapping[str, Any]] = (),
) -> Orientation:
    ids = requirements.ids
    found = verdicts(person, requirements, scores)
    opened = sorted((v for v in found if v.open), key=lambda v: (-v.fit, ids[v.position]))
    following = sorted((v for v in found if not v.open), key=lambda v: (v.distance, -v.fit, ids[v.position]))
    target, route = _route(person, [ids[v.position] for v in opened], following, ids, graph)
    needs_diploma = any(v.bac for v in following)
    named = {t["id"]: t for t in training} if needs_diploma else {}
    routes = tuple(
        Training(key, named[key]["name"], named[key]["summary"], named[key]["pages"])
        for key in DIPLOMA_ROUTES
        if key in named and (key != "vae" or person.years)  # no experience: nothing for the VAE to validate
    )
    return Orientation(
        person, Assessments(opened, summaries_at), Assessments(following, summaries_at), target, route, routes
    )


def _route(
    person: Person, opened: list[str], following: list[Verdict], ids: list[str], graph: CareerGraph
) -> tuple[str | None, Route | None]:
    """The post to aim at and the route to it: among the five nearest posts not open yet, the closest
    to the wish (then the nearest); the route from the person's current post, else from a post open to
    them (the closest to the wish first); None when the study's moves reach it from none of them.

    A route to another post, reachable but further from the wish, is not offered in its place: it
    would be read as the way to what the person wants (the posts shown above say what each needs)."""
    if not following:
        return None, None
    goal = ids[min(following[:5], key=lambda v: (-v.fit, v.distance, ids[v.position])).position]
    for start in [person.current] if person.current else opened:
        if start != goal:
            found = graph.shortest_routes(start, goal, limit=1)
            if found:
                return goal, found[0]
    return goal, None


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


def parse_years(text: str) -> float | None:
    """Years of experience as a person writes them (`diplomas.years_of`: « 2 », « 2,5 », « deux
    ans », « aucune »), within what the study covers; None otherwise."""
    value = years_of(text)
    return value if value is not None and 0 <= value <= MAX_YEARS else None
