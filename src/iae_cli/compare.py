"""Two posts side by side, and what a person must cross to go from the first to the second.

A post is a fiche (requirements, pay, skills…) or a role named in the mobility lists (a title and a
note: the study gives it no requirements, and nothing is invented for it). What the two posts share
is computed, not guessed: the stems (`iae_cli.french`) of their skills, activities and knowledge;
an item of one post is « its own » when most of its words do not appear in the other post at all.

An activity is read in its list: one that points back (« en faire… », « préparer avec eux… »,
« inscrire ces activités… ») is never shown alone, but with its group's title and the item before
it, so that the pronoun keeps what it stands for.
"""

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from iae_cli.careers import CareerGraph, Route
from iae_cli.french import STOPWORDS, WORD, fold, stem
from iae_cli.model import ActivityGroup, Fiche, Role

# Words that say nothing of a job, left out of the shared words (besides the little words).
GENERIC = frozenset(
    (
        *("ainsi", "autre", "aupres", "avoir", "chaque", "chez", "dont", "entre", "etre", "faire", "grand", "plus"),
        *("propre", "selon", "sous", "tous", "tout", "toute", "vers", "voire", "part", "prendre", "assurer"),
    )
)
_GENERIC_STEMS = frozenset(stem(word) for word in GENERIC)
OWN_SHARE = 0.5  # an item is its post's own when less than half of its words appear in the other post
MIN_SHARED = 4  # shared words shorter than this (« rh », « ca ») say too little to be shown
# An item that points back: a pronoun before its verb (« En faire… », « Les mutualiser », « Leur
# apporter… »), « eux », or « ces … » (« ces activités »). « En tant que » and « ceux qui » do not.
POINTS_BACK = re.compile(
    r"^(?:en|y|les|leur|lui)\s+\w+(?:er|ir|re)\b|\b(?:eux|ces|ceux-ci|celles-ci|celui-ci|celle-ci)\b", re.IGNORECASE
)


class Post(NamedTuple):
    id: str
    title: str
    fiche: Fiche | None  # None for a role
    role: Role | None


class Item(NamedTuple):
    section: str  # « compétences », « activités », « connaissances »
    text: str


class Step(NamedTuple):
    """What must be added to go from A's requirement to B's (None when either is unknown)."""

    a: float | None
    b: float | None

    @property
    def to_add(self) -> float | None:
        if self.a is None or self.b is None:
            return None
        return max(0, self.b - self.a)


class Comparison(NamedTuple):
    a: Post
    b: Post
    bac: Step
    years: Step
    shared: tuple[str, ...]
    only_a: tuple[Item, ...]
    only_b: tuple[Item, ...]
    route: Route | None


def post_of(fiche: Fiche | None = None, role: Role | None = None) -> Post:
    if fiche is not None:
        return Post(fiche.id, fiche.summary.title.masculine, fiche, None)
    assert role is not None
    return Post(role.id, role.title, None, role)


def items(fiche: Fiche | None) -> list[Item]:
    """A fiche's skills, activities and knowledge (a role has none)."""
    if fiche is None:
        return []
    out = [Item("compétences", text) for text in fiche.skills.items]
    for group in (*fiche.activities.main, *fiche.activities.optional):
        out += [Item("activités", text) for text in activities_read_alone(group)]
    out += [Item("connaissances", text) for text in fiche.knowledge.items]
    return out


def activities_read_alone(group: ActivityGroup) -> list[str]:
    """A group's activities as they can be read one by one: an activity that points back is joined
    to the one before it (« choisir… ; en faire… »), after the group's title (« Travailler avec les
    organismes publics… — préparer avec eux… »)."""
    out: list[str] = []
    for text in group.items:
        if not POINTS_BACK.search(text):
            out.append(text)
            continue
        before = out.pop() if out else ""
        if before.startswith(group.group):
            out.append(f"{before} ; {_lower_first(text)}")
        else:
            joined = f"{_lower_first(before)} ; {_lower_first(text)}" if before else _lower_first(text)
            out.append(f"{group.group} — {joined}")
    return out


def _lower_first(text: str) -> str:
    """« Préparer avec eux » → « préparer avec eux », mid-sentence; an acronym (« ANPE ») stays."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def _words(text: str) -> Iterator[tuple[str, str]]:
    """(stem, word in lower case) of each meaningful word of a text."""
    for found in WORD.finditer(text):
        word = fold(found.group())
        if word not in STOPWORDS and not word.isdigit() and stem(word) not in _GENERIC_STEMS:
            yield stem(word), found.group().lower()


def stems_of(texts: Iterable[Item]) -> dict[str, list[str]]:
    """Each stem of the items and the words that gave it (one per occurrence)."""
    found: dict[str, list[str]] = {}
    for item in texts:
        for root, word in _words(item.text):
            found.setdefault(root, []).append(word)
    return found


def shared_words(stems_a: dict[str, list[str]], stems_b: dict[str, list[str]]) -> tuple[str, ...]:
    """The words both posts use, the most used first (as B writes them)."""
    common = [root for root in stems_a.keys() & stems_b.keys() if len(stems_b[root][0]) >= MIN_SHARED]
    common.sort(key=lambda root: (-min(len(stems_a[root]), len(stems_b[root])), stems_b[root][0]))
    return tuple(stems_b[root][0] for root in common)


def own_items(own: list[Item], other: dict[str, list[str]]) -> tuple[Item, ...]:
    out = []
    for item in own:
        roots = {root for root, _word in _words(item.text)}
        if roots and len(roots & other.keys()) < OWN_SHARE * len(roots):
            out.append(item)
    return tuple(out)


def compare(a: Post, b: Post, graph: CareerGraph) -> Comparison:
    items_a, items_b = items(a.fiche), items(b.fiche)
    stems_a, stems_b = stems_of(items_a), stems_of(items_b)
    routes = graph.shortest_routes(a.id, b.id) if a.id != b.id else []
    sa, sb = (a.fiche.summary if a.fiche else None), (b.fiche.summary if b.fiche else None)
    return Comparison(
        a,
        b,
        Step(sa.diploma.min_bac if sa else None, sb.diploma.min_bac if sb else None),
        Step(sa.experience.required_years if sa else None, sb.experience.required_years if sb else None),
        shared_words(stems_a, stems_b),
        own_items(items_a, stems_b) if items_b else (),
        own_items(items_b, stems_a) if items_a else (),
        routes[0] if routes else None,
    )
