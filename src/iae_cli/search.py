"""Full-text search over everything `iae` knows, with SQLite's FTS5 (standard library).

Each entry (a fiche, a role, a sector topic, a glossary term…) is one row of an FTS5 table whose
columns hold the *stems* of its title and of its text (`iae_cli.french`), so that word families,
case and accents match. The tokenizer is `unicode61 remove_diacritics 2`. FTS5 finds the entries
(BM25, the title weighing more, picks the candidates); then each is scored by its passages
(`_hit`): a passage is worth the rarity (IDF) of the query's words it holds, times the share of
them it holds together, times where it stands: an entry's own name (a job's title, or a word that
is its id: « RMI », « ANPE ») most, then a fiche's mission, activities and skills, a topic's title,
then any other line. An entry adds up its best passages, each counting less than the one before.
So a fiche whose mission and activities say « accompagner » comes before a glossary line whose
long form merely holds the word, whatever their lengths (BM25 alone favours the shortest). Facts
from after the study (later facts, proposed ROME codes) count half, so that the study's own come
first. Entries with every word come first; when they are fewer than asked for, entries with some
of the words follow, those with the most words first (`Hit.all_words` is then false).

What the person typed never reaches MATCH as it is: the expression is built here from quoted stems
(`"accompagn" "salari"`, a phrase `"control gest"`, a prefix `"accomp"*`), so no input can be read
as FTS5 syntax.

The index is a small SQLite file next to the data's cache, stamped with the data's signature: it is
rebuilt when the data changes and never required (in memory when nothing can be written).
"""

import json
import math
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from iae_cli.french import STOPWORDS, WORD, fold, stem, words
from iae_cli.french import terms as terms_of

FORMAT = 3  # bump when what is indexed changes (corpus.py), so that stored indexes are rebuilt
MAX_TERMS = 32  # a 10,000-character query is cut to its first distinct terms
MAX_QUERY = 2000  # characters of the query kept for display and parsing
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0  # BM25's, to pick the candidates
PASSAGES_PER_HIT = 3
LATER_WEIGHT = {"later": 0.5, "rome": 0.5}  # facts from after the study, kept behind its own
RERANKED = 40  # candidates scored beyond the number of results asked for
NAME_WEIGHT = 4.0  # a passage that names its entry: a job's title, or a query word that is the entry's id
NAMING = frozenset(("intitulé", "autre intitulé"))
TOPIC_TITLE_WEIGHT = 2.0  # the title of a topic, a contract, a later fact: « accompagnement » in « Contrat
# d'accompagnement dans l'emploi » names a contract, not what the entry is about
FICHE_WEIGHT = {"mission": 2.0, "activités": 1.5, "compétences": 1.5}  # what the job is; any other line: 1
COUNTED = 3  # an entry's score adds its best passages, the k-th counting 1/k
MIN_PREFIX = 4  # « not » is a word, not the start of « notion »


class Passage(NamedTuple):
    """A piece of an entry's text, and the section it comes from (« mission », « offre »…)."""

    section: str
    text: str


class Entry(NamedTuple):
    """One searchable thing: kind (fiche, role, sector, glossary…), id, title and passages."""

    kind: str
    id: str
    title: str
    passages: tuple[Passage, ...]


class Term(NamedTuple):
    """One unit of the query: a stem, a prefix or a phrase of stems."""

    stems: tuple[str, ...]
    prefix: bool = False
    label: str = ""  # what the person typed, for messages

    def expression(self) -> str:
        quoted = '"' + " ".join(self.stems).replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted

    def matches(self, word_stem: str) -> bool:
        if self.prefix:
            return word_stem.startswith(self.stems[0])
        return word_stem in self.stems


class Query(NamedTuple):
    text: str
    terms: tuple[Term, ...]
    cut: bool  # the query had more terms than MAX_TERMS


def parse_query(text: str) -> Query:
    """Words and "phrases in quotes" of a query; every other sign is a separator.

    A word that the stemmer leaves whole (« accomp ») is also a prefix; a stemmed word
    (« accompagner » → « accompagn ») is not, so that « créer » does not find « crédit ».
    """
    text = text[:MAX_QUERY]
    pieces = text.split('"')
    terms: list[Term] = []
    seen: set[Term] = set()
    for index, piece in enumerate(pieces):
        in_quotes = index % 2 == 1 and index < len(pieces) - 1  # an unclosed quote is plain text
        found = [w for w in words(piece) if w not in STOPWORDS]
        candidates: list[Term]
        if in_quotes and len(found) > 1:
            candidates = [Term(tuple(stem(w) for w in found), False, " ".join(found))]
        else:
            candidates = []
            for word in found:
                root = stem(word)
                candidates.append(Term((root,), root == word and len(word) >= MIN_PREFIX and not word.isdigit(), word))
        for term in candidates:
            if term not in seen:
                seen.add(term)
                terms.append(term)
    return Query(text, tuple(terms[:MAX_TERMS]), len(terms) > MAX_TERMS)


class Match(NamedTuple):
    """A passage that matched, with the (start, end) of each matched word in its text."""

    section: str
    text: str
    spans: tuple[tuple[int, int], ...]


class Hit(NamedTuple):
    kind: str
    id: str
    title: str
    score: float
    matches: tuple[Match, ...]
    all_words: bool = True  # False: a result with some of the words only, shown after those with all


class SearchResult(NamedTuple):
    query: Query
    hits: tuple[Hit, ...]
    total: int
    partial: bool  # no entry had every term: these have some of them
    unmatched: tuple[str, ...]  # terms found nowhere
    suggestions: tuple[str, ...]  # close words of the vocabulary, when nothing was found
    complete: int = 0  # how many entries have every term (`total` adds those with some of them)


class SearchIndex:
    """An FTS5 index over entries, in memory or in a file."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(cls, path: Path, signature: str) -> "SearchIndex | None":
        """The index stored at `path` if it is there, readable and for this signature; else None."""
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            row = connection.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        except sqlite3.Error:
            return None
        if row is None or row[0] != f"{FORMAT}:{signature}":
            connection.close()
            return None
        return cls(connection)

    def search(self, text: str, limit: int = 10) -> SearchResult:
        """Entries with every term, best first; then, when they are fewer than `limit`, those with some
        of them, the most terms first (`partial` when none has them all)."""
        query = parse_query(text)
        if not query.terms:
            return SearchResult(query, (), 0, False, (), ())
        terms, rarity = query.terms, self._rarity(query.terms)
        rows, complete = self._ranked(" ".join(t.expression() for t in terms), limit + RERANKED)
        hits = sorted((_hit(row, terms, rarity)[0] for row in rows), key=lambda hit: -hit.score)  # stable
        total, unmatched = complete, tuple(t.label for t in terms if not rarity[t])
        if len(hits) < limit and len(terms) > 1:
            some, total = self._ranked(" OR ".join(t.expression() for t in terms), limit + RERANKED)
            found = {(hit.kind, hit.id) for hit in hits}
            scored = [_hit(row, terms, rarity, False) for row in some if (row[0], row[1]) not in found]
            hits += [hit for hit, _held in sorted(scored, key=lambda pair: (-pair[1], -pair[0].score))]
        if not hits:
            labels = [t.label for t in terms]
            return SearchResult(query, (), 0, False, tuple(labels), self.suggestions(labels))
        return SearchResult(query, tuple(hits[:limit]), total, not complete, unmatched if total else (), (), complete)

    def _rarity(self, terms: tuple[Term, ...]) -> dict[Term, float]:
        """Each term's inverse document frequency (BM25's); 0 for a term found nowhere."""
        size = int(self.connection.execute("SELECT count(*) FROM entries").fetchone()[0])
        out: dict[Term, float] = {}
        for term in terms:
            found = self._count(term.expression())
            out[term] = math.log((size - found + 0.5) / (found + 0.5) + 1) if found else 0.0
        return out

    def _ranked(self, expression: str, limit: int) -> tuple[list[tuple[str, str, str, str, float]], int]:
        sql = (
            "SELECT e.kind, e.id, e.title, e.passages, bm25(fts, ?, ?) AS rank FROM fts "
            "JOIN entries e ON e.rowid = fts.rowid WHERE fts MATCH ? ORDER BY rank, e.rowid LIMIT ?"
        )
        rows = self.connection.execute(sql, (TITLE_WEIGHT, BODY_WEIGHT, expression, limit)).fetchall()
        total = len(rows) if len(rows) < limit else self._count(expression)
        return rows, total

    def scores(self, text: str, kind: str) -> dict[str, float]:
        """The BM25 score of each entry of one kind that has any word of `text` (higher is closer)."""
        terms = parse_query(text).terms
        if not terms:
            return {}
        sql = (
            "SELECT e.id, bm25(fts, ?, ?) FROM fts JOIN entries e ON e.rowid = fts.rowid "
            "WHERE fts MATCH ? AND e.kind = ?"
        )
        expression = " OR ".join(t.expression() for t in terms)
        rows = self.connection.execute(sql, (TITLE_WEIGHT, BODY_WEIGHT, expression, kind)).fetchall()
        return {entry_id: round(-rank, 3) for entry_id, rank in rows}

    def _count(self, expression: str) -> int:
        row = self.connection.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()
        return int(row[0])

    def suggestions(self, labels: Iterable[str], count: int = 5) -> tuple[str, ...]:
        """Words of the indexed text closest to the query's words (difflib)."""
        import difflib

        vocabulary = [row[0] for row in self.connection.execute("SELECT word FROM vocabulary")]
        found: list[str] = []
        for label in labels:
            for word in label.split():
                for close in difflib.get_close_matches(word, vocabulary, n=count, cutoff=0.7):
                    if close not in found and close != word:
                        found.append(close)
        return tuple(found[:count])


def _passage(text: str, terms: tuple[Term, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[Term, ...]]:
    """The matched words of a passage, and the query's terms it holds (a phrase only where its words
    follow each other, little words aside, as in the index)."""
    found: list[tuple[str, tuple[int, int]]] = []
    for word in WORD.finditer(text):
        folded = fold(word.group())
        if folded not in STOPWORDS:
            found.append((stem(folded), word.span()))
    spans: set[tuple[int, int]] = set()
    held: list[Term] = []
    for term in terms:
        size = len(term.stems)
        if size > 1:
            hits = [
                found[start : start + size]
                for start in range(len(found) - size + 1)
                if tuple(root for root, _span in found[start : start + size]) == term.stems
            ]
            spans.update(span for run in hits for _root, span in run)
        else:
            hits = [[(root, span)] for root, span in found if term.matches(root)]
            spans.update(run[0][1] for run in hits)
        if hits:
            held.append(term)
    return tuple(sorted(spans)), tuple(held)


def _hit(
    row: tuple[str, str, str, str, float], terms: tuple[Term, ...], rarity: dict[Term, float], all_words: bool = True
) -> tuple[Hit, int]:
    """A result and how many of the terms it holds. Its score (see the module's docstring): each
    passage is worth the rarity of the terms it holds together, times where it stands; the entry adds
    its best passages, the k-th counting 1/k; facts from after the study count half."""
    kind, entry_id, title, passages_json, _rank = row
    own_name = set(terms_of(entry_id.replace("-", " ")))
    scored: list[tuple[float, int, Match]] = []
    held: set[Term] = set()
    for position, (section, text) in enumerate(json.loads(passages_json)):
        spans, found = _passage(text, terms)
        if spans:
            held.update(found)
            together = len(found) / len(terms)  # words side by side beat words scattered
            worth = sum(rarity[t] for t in found) * together * _where(kind, section, found, own_name)
            scored.append((-worth, position, Match(section, text, spans)))
    scored.sort(key=lambda item: item[:2])
    score = -sum(worth / rank for rank, (worth, _position, _match) in enumerate(scored[:COUNTED], start=1))
    matches = tuple(m for _worth, _position, m in scored[:PASSAGES_PER_HIT])
    return Hit(kind, entry_id, title, round(score * LATER_WEIGHT.get(kind, 1.0), 3), matches, all_words), len(held)


def _where(kind: str, section: str, found: tuple[Term, ...], own_name: set[str]) -> float:
    """How much a passage says what its entry is: its name (a job's title; a word that is the entry's
    id, « RMI » for the RMI), a fiche's mission, activities or skills, a topic's title, or any other
    line (1)."""
    if any(term.stems[0] in own_name for term in found if len(term.stems) == 1):
        return NAME_WEIGHT
    if section in NAMING:
        return NAME_WEIGHT if kind in ("fiche", "role") else TOPIC_TITLE_WEIGHT
    return FICHE_WEIGHT.get(section, 1.0) if kind == "fiche" else 1.0
