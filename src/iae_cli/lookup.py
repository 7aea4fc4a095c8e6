"""Turn what a person types into an id: accents, case, feminine titles, prefixes."""

import difflib
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping
from typing import NamedTuple

from iae_cli.errors import UnknownNameError
from iae_cli.model import GlossaryTerm

MAX_NAME_LENGTH = 300
_STOP_WORDS = frozenset({"d", "de", "du", "des", "l", "la", "le", "les", "un", "une", "en", "dans", "au", "aux"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """'Chargée d'insertion' -> 'chargee-insertion': no accents, no case, no little words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [w for w in _NON_WORD.split(bare) if w and w not in _STOP_WORDS]
    return "-".join(words)


# Feminine endings of job words and their masculine (« animatrice » → « animateur », « éducatrice »,
# « travailleuse sociale », « conseillère »): a title the data gives in the masculine only (the roles)
# is still found by its feminine.
_FEMININE = (
    (r"trice\b", "teur"),
    (r"euse\b", "eur"),
    (r"ere\b", "er"),
    (r"ee\b", "e"),
    (r"ienne\b", "ien"),
    (r"ale\b", "al"),
)
_FEMININE_RE = [(re.compile(ending), masculine) for ending, masculine in _FEMININE]


def masculine(folded: str) -> str:
    """A folded name with its feminine job words in the masculine: 'travailleuse-sociale' -> 'travailleur-social'."""
    for pattern, replacement in _FEMININE_RE:
        folded = pattern.sub(replacement, folded)
    return folded


class NameIndex(NamedTuple):
    """Folded names -> ids, built once per catalog."""

    keys: Mapping[str, frozenset[str]]
    ids: tuple[str, ...]

    @classmethod
    def build(cls, names: Iterable[tuple[str, Iterable[str]]]) -> "NameIndex":
        keys: dict[str, set[str]] = {}
        ids: list[str] = []
        for node_id, labels in names:
            ids.append(node_id)
            for label in (node_id, *labels):
                folded = fold(label)
                for key in {folded, masculine(folded)} - {""}:
                    keys.setdefault(key, set()).add(node_id)
        return cls({k: frozenset(v) for k, v in keys.items()}, tuple(ids))

    def resolve(self, name: str, what: str = "métier", preferred: Container[str] = ()) -> str:
        """The one id `name` designates; UnknownNameError (with close ids, if any) otherwise.

        When a name fits several ids and exactly one of them is `preferred` (the fiches,
        before the other posts), that one is meant.
        """
        shown = _CONTROL.sub("�", name)
        if len(shown) > 60:
            shown = shown[:57] + "…"
        if not name.strip():
            raise UnknownNameError(f"nom de {what} vide : donnez un identifiant ou un intitulé", list_helps=True)
        if len(name) > MAX_NAME_LENGTH:
            raise UnknownNameError(f"nom de {what} trop long ({len(name)} caractères ; au plus {MAX_NAME_LENGTH})")
        folded = fold(_CONTROL.sub(" ", name))
        if not folded:
            raise UnknownNameError(f"« {shown} » ne désigne aucun {what}", list_helps=True)
        folded = folded if folded in self.keys else masculine(folded)
        exact = self.keys.get(folded)
        if exact and len(exact) == 1:
            return next(iter(exact))
        candidates = set(exact or ())
        if not candidates:
            for key, ids in self.keys.items():
                if key.startswith(folded) or f"-{folded}" in f"-{key}":
                    candidates.update(ids)
        if len(candidates) == 1:
            return next(iter(candidates))
        first_choice = [i for i in candidates if i in preferred]
        if len(first_choice) == 1:
            return first_choice[0]
        if candidates:
            ordered = tuple(i for i in self.ids if i in candidates)
            raise UnknownNameError(
                f"« {shown} » est ambigu : il peut désigner {', '.join(ordered)} ; précisez l'identifiant",
                close=ordered,
            )
        close = difflib.get_close_matches(folded, list(self.keys), n=6, cutoff=0.5)
        suggestions: list[str] = []
        for key in close:
            for node_id in sorted(self.keys[key]):
                if node_id not in suggestions:
                    suggestions.append(node_id)
        hint = f" ; identifiants proches : {', '.join(suggestions[:3])}" if suggestions else ""
        raise UnknownNameError(
            f"aucun {what} ne s'appelle « {shown} »{hint}", list_helps=not suggestions, close=tuple(suggestions[:3])
        )


def resolve(
    name: str,
    ids: Mapping[str, object],
    labels: Iterable[tuple[str, Iterable[str]]],
    what: str = "métier",
    preferred: Container[str] = (),
) -> str:
    """Resolve `name` against `ids`, building the full name index only when needed.

    An exact id, or a name that folds to one (`chargé-insertion`), is answered at once;
    titles, feminine forms, aliases and prefixes go through `NameIndex`.
    """
    if name in ids:
        return name
    if len(name) <= MAX_NAME_LENGTH:
        folded = fold(name)
        if folded in ids:
            return folded
    return NameIndex.build(labels).resolve(name, what, preferred)


def match_level(name: str, labels: Mapping[str, str]) -> list[str]:
    """The level ids `name` may designate: its id or label, else those with a word starting with it.

    `direction` and `proximite` give one level; `encadrement` gives two (the caller refuses it).
    """
    folded = fold(name[:MAX_NAME_LENGTH])
    if not folded:
        return []
    keys = {level: (level, fold(label)) for level, label in labels.items()}
    exact = [level for level, names in keys.items() if folded in names]
    if exact:
        return exact
    return [level for level, names in keys.items() if any(f"-{folded}" in f"-{key}" for key in names)]


def find_terms(terms: Iterable[GlossaryTerm], query: str) -> tuple[GlossaryTerm, ...]:
    """The glossary terms a query names: the term itself first (`PEC`), then those whose term or
    meaning holds the query as whole words, accents and case folded (« RMI » is not in « déterminée »)."""
    wanted = fold(query)
    if not wanted:
        return ()
    word = re.compile(r"(?:^|-)" + re.escape(wanted) + r"(?:-|$)")
    listed = list(terms)
    exact = [t for t in listed if fold(t.term) == wanted]
    others = [t for t in listed if t not in exact and (word.search(fold(t.term)) or word.search(fold(t.meaning)))]
    return (*exact, *others)
