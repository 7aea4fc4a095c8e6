"""What `iae sector` and `iae glossary` print for people."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from iae_cli.model import GlossaryTerm
from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Table, Tree

# ---------------------------------------------------------------- French typography

_NBSP = "\u00a0"
_SPACING = (
    ("« ", "«" + _NBSP),
    (" »", _NBSP + "»"),
    (" :", _NBSP + ":"),
    (" ;", _NBSP + ";"),
    (" ?", _NBSP + "?"),
    (" !", _NBSP + "!"),
)


def french(text: str) -> str:
    """A no-break space inside « » and before : ; ? ! so that a line never starts with them."""
    for plain, tied in _SPACING:
        text = text.replace(plain, tied)
    return text


def _typeset_block(block: Block) -> Block:
    if isinstance(block, Heading):
        return Heading(french(block.text), block.level)
    if isinstance(block, Paragraph):
        return Paragraph(french(block.text), block.style)
    if isinstance(block, Bullets):
        return Bullets(tuple(map(french, block.items)), None if block.title is None else french(block.title))
    if isinstance(block, Fields):
        return Fields(tuple((french(k), french(v)) for k, v in block.pairs))
    if isinstance(block, Table):
        return Table(tuple(map(french, block.headers)), tuple(tuple(map(french, r)) for r in block.rows))
    if isinstance(block, Tree):
        return Tree(tuple((depth, french(text)) for depth, text in block.lines))
    return block  # the sector and glossary views build no other block


def _typeset(doc: Document) -> Document:
    doc.blocks = [_typeset_block(b) for b in doc.blocks]
    return doc


if TYPE_CHECKING:
    from iae_cli.later import LaterEntry, LaterFacts

# ---------------------------------------------------------------- sector

SECTOR_TOPICS: dict[str, str] = {
    "structures": "Les structures de l'IAE",
    "networks": "Réseaux et instances",
    "figures": "Chiffres du secteur",
    "history": "Repères historiques",
    "contract": "Le contrat d'accompagnement dans l'emploi (CAE)",
    "finance": "Finance solidaire",
    "traits": "Ce qui distingue le travail de cadre dans l'IAE",
    "trends": "Facteurs d'évolution",
    "training": "Formations",
    "roles": "Nouveaux métiers de la RSE",
}

Sector = dict[str, Any]


def _count(structure: dict[str, Any]) -> str:
    return labels.number(structure["count_2005"]) if structure["count_2005"] is not None else "ambigu (voir la note)"


def _pages(pages: str) -> str:
    return f"(p. {pages})"


def _sections(sections: list[dict[str, Any]]) -> list[Block]:
    return [Bullets(tuple(s["items"]), s["title"]) for s in sections]


def _structures(sector: Sector) -> list[Block]:
    out: list[Block] = [
        Table(
            ("Sigle", "Structure", "Nombre fin 2005"),
            tuple((s["acronym"], s["name"], _count(s)) for s in sector["structures"]),
        )
    ]
    for s in sector["structures"]:
        out.append(Bullets(tuple(s["definition"]), f"{s['acronym']} — {s['name']} {_pages(s['pages'])}"))
        out += [Paragraph(text, "note") for text in (s["count_note"], s["note"]) if text]
    frame = sector["legal_frame"]
    out += [
        Heading(f"Le cadre légal d'une structure d'insertion {_pages(frame['pages'])}", 3),
        Paragraph(frame["shared_frame"]),
        Fields(
            (
                ("Loi", frame["law_1998"]),
                ("But", frame["aim"]),
                ("Définition de l'IAE", frame["definition"]),
            )
        ),
        Bullets(tuple(frame["objectives"]), "Les trois objectifs de la loi"),
        Bullets(tuple(frame["conditions"]), frame["conditions_intro"]),
    ]
    if frame["note"]:
        out.append(Paragraph(frame["note"], "note"))
    return out


def _networks(sector: Sector) -> list[Block]:
    out: list[Block] = [Paragraph(text) for text in sector["networks_intro"]]
    for n in sector["networks"]:
        name = f"{n['acronym']} — {n['name']}" if n["acronym"] else n["name"]
        facts = [("Création", str(n["founded"]))]
        if n["website"]:
            facts.append(("Site cité", n["website"]))
        facts.append(("Pages de l'étude", n["pages"]))
        out += [Heading(name, 3), Paragraph(n["role"]), Fields(tuple(facts))]
        out += [Bullets(tuple(f"{f['label']} : {labels.number(f['value'])}" for f in n["figures"]), "En chiffres")]
        out += _sections(n["sections"])
    return out


def _figures(sector: Sector) -> list[Block]:
    typology = sector["typology"]
    return [
        Table(
            ("Chiffre", "Valeur", "Pages"),
            tuple((f["label"], labels.number(f["value"]), f.get("pages", "")) for f in sector["figures"]),
        ),
        Bullets(tuple(sector["sectors_of_activity"]), "Secteurs d'activité des salariés en insertion"),
        Heading(f"Comment l'étude a classé les sept métiers {_pages(typology['pages'])}", 3),
        Paragraph(typology["intro"]),
        Bullets(tuple(typology["criteria"])),
        Bullets(tuple(sector["references"]), "Sources citées par l'étude"),
    ]


def _history(sector: Sector) -> list[Block]:
    context = sector["context"]
    out: list[Block] = [Bullets(tuple(context["points"]), f"Le secteur en bref {_pages(context['pages'])}")]
    out.append(Table(("Année", "Repère"), tuple((str(h["year"]), h["event"]) for h in sector["history"])))
    out += [Paragraph(f"{h['year']} : {h['note']}", "note") for h in sector["history"] if h.get("note")]
    return out


def _contract(sector: Sector) -> list[Block]:
    c = sector["contract"]
    return [
        Fields(
            (
                ("Durée", f"{c['min_months']} à {c['max_months']} mois"),
                ("Temps de travail", f"au moins {c['min_weekly_hours']} h par semaine"),
                ("Remplace", ", ".join(c["replaces"])),
                ("Référence", c["reference"]),
            )
        ),
        Bullets(tuple(c["rules"]), f"Règles {_pages(c['pages'])}"),
    ]


def _finance(sector: Sector) -> list[Block]:
    scope = sector["finance_solidaire_scope"]
    return [
        Paragraph(scope["summary"]),
        Fields(tuple((t["term"], t["meaning"]) for t in sector["finance_solidaire"])),
        Bullets(tuple(scope["operations"]), f"Ce qu'elle englobe {_pages(scope['pages'])}"),
        Bullets(tuple(scope["traditional"]), scope["traditional_note"]),
        Paragraph(scope["specific"]),
    ]


def _topics(items: list[dict[str, Any]]) -> list[Block]:
    out: list[Block] = []
    for t in items:
        out += [Heading(f"{t['title']} {_pages(t['pages'])}", 3), Paragraph(t["summary"])]
        if t.get("details"):
            out.append(Bullets(tuple(t["details"])))
    return out


def _traits(sector: Sector) -> list[Block]:
    exit_ = sector["positive_exit"]
    return [
        *_topics(sector["traits"]),
        Heading(f"La « sortie positive », une notion débattue {_pages(exit_['pages'])}", 3),
        Paragraph(exit_["summary"]),
        Bullets(tuple(f"Pour {d['who']} : {d['meaning']}" for d in exit_["definitions"])),
    ]


def _trends(sector: Sector) -> list[Block]:
    report = sector["policy_report"]
    return [
        *_topics(sector["trends"]),
        Heading(f"Le rapport du {report['author']} « {report['title']} » {_pages(report['pages'])}", 3),
        Paragraph(f"Remis au {report['addressee']} le {report['date']}."),
        Bullets(tuple(report["diagnosis"]), f"Son diagnostic, en {len(report['diagnosis'])} points"),
        Bullets(tuple(report["follow_up"]), "Et ensuite"),
    ]


def _training(sector: Sector) -> list[Block]:
    out: list[Block] = []
    for t in sector["training"]:
        out += [Heading(f"{t['name']} {_pages(t['pages'])}", 3), Paragraph(t["summary"])]
        out += _sections(t["sections"])
        if t.get("note"):
            out.append(Paragraph(t["note"], "note"))
    return out


def _roles(sector: Sector) -> list[Block]:
    roles = sector["emerging_roles"]
    return [Bullets(tuple(roles["items"])), Paragraph(f"{roles['note']} {_pages(roles['pages'])}")]


_TOPIC_VIEWS: dict[str, Callable[[Sector], list[Block]]] = {
    "structures": _structures,
    "networks": _networks,
    "figures": _figures,
    "history": _history,
    "contract": _contract,
    "finance": _finance,
    "traits": _traits,
    "trends": _trends,
    "training": _training,
    "roles": _roles,
}


def sector_view(sector: Sector, topic: str | None = None, later: LaterFacts | None = None) -> Document:
    """The sector (or one topic); `later` adds, under each topic, what changed after the study."""
    from iae_cli.render.later_views import sector_later

    study = sector["study"]
    doc = Document()
    if topic is None:
        doc.add(Heading("Le secteur de l'insertion par l'activité économique"))
        doc.add(Paragraph(f"D'après « {study['title']} », {study['publisher']}, {study['date']}. {study['method']}"))
        doc.add(Paragraph(study["note"]))
    for key, heading in SECTOR_TOPICS.items():
        if topic is None or topic == key:
            doc.add(Heading(heading, 2 if topic is None else 1), *_TOPIC_VIEWS[key](sector))
            doc.add(*sector_later(later, key, 3 if topic is None else 2))
    return _typeset(doc)


# ---------------------------------------------------------------- glossary


GLOSSARY_USAGE: dict[str, str] = {
    "acronym_and_words": "sigle et mots",
    "acronym_only": "sigle seul",
    "words_only": "mots seuls",
}
# What each value of the « Dans l'étude » column means; said only for the values shown.
GLOSSARY_LEGEND = {
    "acronym_and_words": "« sigle et mots », elle emploie le sigle et écrit aussi sa forme développée",
    "acronym_only": "« sigle seul », elle ne le développe jamais (développement d'usage courant, ou sourcé ci-dessous)",
    "words_only": "« mots seuls », elle écrit les mots en toutes lettres, le sigle est le nôtre",
}


def _legend(terms: Sequence[GlossaryTerm], later_terms: frozenset[str]) -> list[Paragraph]:
    shown = {t.usage for t in terms if t.term not in later_terms}
    parts = [text for usage, text in GLOSSARY_LEGEND.items() if usage in shown]
    return [Paragraph(f"Dans l'étude : {' ; '.join(parts)}.", "note")] if parts else []


LATER_USAGE = "après 2008 †"


def _glossary_remark(t: GlossaryTerm) -> str:
    parts = []
    if t.source is not None:
        kind = "postérieure à" if t.source.later else "extérieure à"
        parts.append(f"développement tiré d'une source {kind} l'étude, {t.source.name} ({t.source.url}).")
    if t.note:
        parts.append(t.note)
    return f"{t.term} : " + " ".join(parts)


def _glossary_usage(t: GlossaryTerm) -> str:
    label = GLOSSARY_USAGE[t.usage]
    return f"{label}, p. {t.pages}" if t.pages else label


def glossary_view(
    terms: Iterable[GlossaryTerm],
    later: Mapping[str, Sequence[LaterEntry]] | None = None,
    later_terms: frozenset[str] = frozenset(),
    as_of: str | None = None,
) -> Document:
    """The terms; `later` (by term) adds what became of each since 2008 (in detail when few are
    shown); `later_terms` are the terms that appeared after the study (issue 12)."""
    from iae_cli.render.later_views import glossary_later, history

    terms = tuple(terms)
    later = later or {}
    rows = []
    for t in terms:
        meaning = t.meaning + "".join(f"\nDepuis 2008 : {history(e, years_only=True)}" for e in later.get(t.term, ()))
        usage = LATER_USAGE if t.term in later_terms else _glossary_usage(t)
        rows.append((t.term, meaning, usage))
    doc = Document().add(Table(("Sigle", "Signification", "Dans l'étude"), tuple(rows)), *_legend(terms, later_terms))
    remarks = tuple(_glossary_remark(t) for t in terms if t.note or t.source)
    if remarks:
        doc.add(Bullets(remarks, "Remarques et sources"))
    doc.add(*glossary_later(terms, later, later_terms, as_of))
    return _typeset(doc)
