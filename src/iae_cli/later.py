"""What changed after the study (2008): later facts, each with its source, kept apart from the study's.

Built from `data/depuis-2008.yaml` (institutions, contracts, benefits, networks and structure types,
the new terms, the sector's later figures) and `data/rome.yaml` (links from the fiches to ROME 4.0,
proposals of ours). A later fact never changes a fact of the study: views show it beside, dated.
"""

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from iae_cli.errors import Problem
from iae_cli.model import GlossaryTerm

if TYPE_CHECKING:
    from iae_cli.model import Fiche
    from iae_cli.yamlsafe import LoadedYaml

Strength = Literal["strong", "weak"]
LATER_USAGE = "acronym_only"  # a later term is absent from the study: views and JSON say « later » instead


class LaterSource(NamedTuple):
    """Where a later fact was read: site or title, the address as noted (no scheme), the text's date."""

    site: str
    title: str | None
    url: str | None
    date: str | None

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "LaterSource":
        return cls(raw["site"], raw.get("title"), raw.get("url"), raw.get("date"))

    def record(self) -> dict[str, Any]:
        return {"site": self.site, "title": self.title, "url": self.url, "date": self.date}


class Change(NamedTuple):
    date: str
    became: str
    summary: str
    legal: str | None
    source: LaterSource

    def record(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "became": self.became,
            "summary": self.summary,
            "legal": self.legal,
            "source": self.source.record(),
        }


class LaterEntry(NamedTuple):
    """An institution, contract, benefit, network or structure type of 2008, and what became of it."""

    id: str
    name: str
    full_name: str
    kind: str
    names: tuple[str, ...]
    topics: tuple[str, ...]
    changed: bool
    changes: tuple[Change, ...]
    fiches: tuple[str, ...] = ()  # fiches it bears on though their text does not name it

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "LaterEntry":
        return cls(
            raw["id"],
            raw["name"],
            raw["full_name"],
            raw["kind"],
            tuple(raw["names"]),
            tuple(raw["topics"]),
            raw["changed"],
            tuple(
                Change(c["date"], c["became"], c["summary"], c.get("legal"), LaterSource.build(c["source"]))
                for c in raw["changes"]
            ),
            tuple(raw.get("fiches", ())),
        )

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "full_name": self.full_name,
            "kind": self.kind,
            "changed": self.changed,
            "changes": [c.record() for c in self.changes],
        }

    def named_in(self, text: str) -> bool:
        """Whether one of its names appears in `text` as a whole word (acronyms: exact case)."""
        return any(_pattern(name).search(text) for name in self.names)


@cache
def _pattern(name: str) -> re.Pattern[str]:
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags)


class LaterTerm(NamedTuple):
    """A term that appeared after the study (France Travail, PEC…), and the entry whose story it tells."""

    term: str
    aliases: tuple[str, ...]
    meaning: str
    entry: str


class FigurePoint(NamedTuple):
    value: int
    as_of: str
    note: str | None
    source: LaterSource

    def record(self) -> dict[str, Any]:
        return {"value": self.value, "as_of": self.as_of, "note": self.note, "source": self.source.record()}


class FigureSeries(NamedTuple):
    series: str
    label: str
    points: tuple[FigurePoint, ...]

    def record(self) -> dict[str, Any]:
        return {"series": self.series, "label": self.label, "points": [p.record() for p in self.points]}


class LaterFacts(NamedTuple):
    """Everything of `depuis-2008.yaml`, typed."""

    entries: tuple[LaterEntry, ...]
    terms: tuple[LaterTerm, ...]
    figures: tuple[FigureSeries, ...]
    figures_note: str

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "LaterFacts":
        return cls(
            tuple(LaterEntry.build(e) for e in raw["entries"]),
            tuple(LaterTerm(t["term"], tuple(t.get("aliases", ())), t["meaning"], t["entry"]) for t in raw["terms"]),
            tuple(
                FigureSeries(
                    f["series"],
                    f["label"],
                    tuple(
                        FigurePoint(p["value"], p["as_of"], p.get("note"), LaterSource.build(p["source"]))
                        for p in f["points"]
                    ),
                )
                for f in raw["figures"]
            ),
            raw["figures_note"],
        )

    def entry(self, entry_id: str) -> LaterEntry:
        return next(e for e in self.entries if e.id == entry_id)

    def for_topic(self, topic: str) -> tuple[LaterEntry, ...]:
        """The entries that bear on a topic of `iae sector`."""
        return tuple(e for e in self.entries if topic in e.topics)

    def named_in(self, texts: Iterable[str]) -> tuple[LaterEntry, ...]:
        """The entries that changed and are named in any of `texts`, in file order."""
        joined = "\n".join(texts)
        return tuple(e for e in self.entries if e.changed and e.named_in(joined))

    def for_fiche(self, fiche_id: str, texts: Iterable[str]) -> tuple[LaterEntry, ...]:
        """The entries that changed and that a fiche names, or that bear on it (`fiches`), in file order."""
        joined = "\n".join(texts)
        return tuple(e for e in self.entries if e.changed and (fiche_id in e.fiches or e.named_in(joined)))

    def for_term(self, folded_term: str, fold: Callable[[str], str]) -> tuple[LaterEntry, ...]:
        """The entries a glossary term (folded) names, directly or through a later term."""
        found = [e for e in self.entries if any(fold(n) == folded_term for n in (e.name, *e.names))]
        for term in self.terms:
            names = (term.term, *term.aliases)
            if folded_term in (fold(name) for name in (*names, f"{term.term} ({', '.join(term.aliases)})")):
                found.append(self.entry(term.entry))
        return tuple(dict.fromkeys(found))

    def glossary_terms(self, study_terms: Iterable[str], fold: Callable[[str], str]) -> tuple[GlossaryTerm, ...]:
        """The later terms as glossary terms (not in the study), except those the study's glossary has."""
        known = {fold(term) for term in study_terms}
        return tuple(
            GlossaryTerm(t.term + (f" ({', '.join(t.aliases)})" if t.aliases else ""), t.meaning, LATER_USAGE)
            for t in self.terms
            if fold(t.term) not in known
        )

    def latest_date(self) -> str:
        """The most recent date of a source: later facts are as of their sources, at most this one."""
        dates = [c.source.date for e in self.entries for c in e.changes if c.source.date]
        dates += [p.source.date for f in self.figures for p in f.points if p.source.date]
        return max(dates)


def fiche_texts(fiche: "Fiche") -> list[str]:
    """Every text of a fiche, to find the institutions it names."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    walk(fiche)
    return out


# ---------------------------------------------------------------- ROME


class RomeLink(NamedTuple):
    """A proposed link from a fiche to a ROME fiche: never a fact of the study."""

    fiche: str
    code: str
    label: str
    label_is_rome4: bool
    appellation: str | None
    strength: Strength
    note: str | None

    def record(self) -> dict[str, Any]:
        """One item of `rome` in `iae show --format json`."""
        return {
            "code": self.code,
            "label": self.label,
            "appellation": self.appellation,
            "strength": self.strength,
            "label_version": "4.0" if self.label_is_rome4 else "v3",
            "note": self.note,
        }


class OfferService(NamedTuple):
    name: str
    fact: str
    source: LaterSource

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "fact": self.fact, "source": self.source.record()}


class RomeTable(NamedTuple):
    """The proposed links, the ROME's own source and where its codes are used."""

    name: str
    summary: str
    source: LaterSource
    appellations_source: LaterSource
    links: tuple[RomeLink, ...]
    services: tuple[OfferService, ...]

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "RomeTable":
        codes = {c["code"]: c for c in raw["codes"]}
        links = tuple(
            RomeLink(
                link["fiche"],
                link["code"],
                codes[link["code"]]["label"],
                codes[link["code"]]["rome4"],
                link["appellation"],
                link["strength"],
                link["note"],
            )
            for link in raw["links"]
        )
        rome = raw["rome"]
        return cls(
            rome["name"],
            rome["summary"],
            LaterSource.build(rome["source"]),
            LaterSource.build(raw["appellations_source"]),
            links,
            tuple(OfferService(s["name"], s["fact"], LaterSource.build(s["source"])) for s in raw["offer_services"]),
        )

    def links_of(self, fiche_id: str) -> tuple[RomeLink, ...]:
        return tuple(link for link in self.links if link.fiche == fiche_id)

    def with_code(self, code: str) -> tuple[RomeLink, ...]:
        """The links to one ROME code (letter case ignored)."""
        wanted = code.strip().upper()
        return tuple(link for link in self.links if link.code == wanted)


ROME_CODE = re.compile(r"^\s*[A-Na-n][0-9]{4}\s*$")


def is_rome_code(text: str) -> bool:
    """'K1801', 'k1801': a letter A to N and four digits."""
    return bool(ROME_CODE.match(text))


class FicheLater(NamedTuple):
    """What a fiche shows beside the study's facts: the institutions it names that have changed,
    its proposed ROME codes and the services where those codes are used today."""

    entries: tuple[LaterEntry, ...]
    rome: tuple[RomeLink, ...]
    services: tuple[OfferService, ...]
    checked_as_of: str | None


def for_fiche(fiche: "Fiche", facts: LaterFacts | None, rome: RomeTable | None) -> FicheLater:
    entries = facts.for_fiche(fiche.id, fiche_texts(fiche)) if facts is not None else ()
    links = rome.links_of(fiche.id) if rome is not None else ()
    services = rome.services if rome is not None and links else ()
    return FicheLater(entries, links, services, facts.latest_date() if facts is not None else None)


# ---------------------------------------------------------------- checks beyond the schema


def check_later(doc: "LoadedYaml", display: str, known_ids: frozenset[str]) -> list[Problem]:
    """Each term points to an entry of the file."""
    ids = {entry["id"] for entry in doc.value["entries"]}
    out = []
    for index, term in enumerate(doc.value["terms"]):
        if term["entry"] not in ids:
            message = f"champ « terms[{index}].entry » : « {term['entry']} » n'est pas une entrée de ce fichier"
            out.append(Problem(display, doc.line_of(("terms", index, "entry")), message))
    return out


def check_prices(doc: "LoadedYaml", display: str, known_ids: frozenset[str]) -> list[Problem]:
    """The study's year is in the table."""
    years = {row["year"] for row in doc.value["years"]}
    if doc.value["study_year"] in years:
        return []
    message = f"champ « study_year » : {doc.value['study_year']} absent de « years »"
    return [Problem(display, doc.line_of(("study_year",)), message)]


def check_rome(doc: "LoadedYaml", display: str, known_ids: frozenset[str]) -> list[Problem]:
    """Each link names a fiche of the folder and a code of the file."""
    codes = {c["code"] for c in doc.value["codes"]}
    out = []
    for index, link in enumerate(doc.value["links"]):
        if link["code"] not in codes:
            message = f"champ « links[{index}].code » : « {link['code']} » absent de « codes »"
            out.append(Problem(display, doc.line_of(("links", index, "code")), message))
        if known_ids and link["fiche"] not in known_ids:
            message = f"champ « links[{index}].fiche » : « {link['fiche']} » n'est pas une fiche du dossier"
            out.append(Problem(display, doc.line_of(("links", index, "fiche")), message))
    return out
