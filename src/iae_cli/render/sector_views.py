"""What `iae sector` and `iae glossary` print for people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from iae_cli.model import GlossaryTerm
from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Table

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


def _count(structure: dict[str, Any]) -> str:
    return labels.number(structure["count_2005"]) if structure["count_2005"] is not None else "ambigu (voir la note)"


def _sector_topic(topic: str, sector: dict[str, Any]) -> list[Block]:
    if topic == "structures":
        out: list[Block] = [
            Table(
                ("Sigle", "Structure", "Nombre fin 2005"),
                tuple((s["acronym"], s["name"], _count(s)) for s in sector["structures"]),
            )
        ]
        for s in sector["structures"]:
            out += [Bullets(tuple(s["definition"]), f"{s['acronym']} — {s['name']}")]
            if s["count_note"]:
                out.append(Paragraph(s["count_note"], "note"))
        return out
    if topic == "networks":
        out = []
        for n in sector["networks"]:
            name = f"{n['acronym']} — {n['name']}" if n["acronym"] else n["name"]
            out += [Heading(f"{name} (fondé en {n['founded']})", 3), Paragraph(n["role"])]
            out += [Bullets(tuple(f"{f['label']} : {labels.number(f['value'])}" for f in n["figures"]))]
            if n["website"]:
                out.append(Paragraph(f"Site cité : {n['website']}"))
        return out
    if topic == "figures":
        return [
            Table(
                ("Chiffre", "Valeur", "Pages"),
                tuple((f["label"], labels.number(f["value"]), f.get("pages", "")) for f in sector["figures"]),
            ),
            Bullets(tuple(sector["sectors_of_activity"]), "Secteurs d'activité des salariés en insertion"),
        ]
    if topic == "history":
        return [Table(("Année", "Repère"), tuple((str(h["year"]), h["event"]) for h in sector["history"]))]
    if topic == "contract":
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
            Bullets(tuple(c["rules"])),
        ]
    if topic == "finance":
        return [Fields(tuple((t["term"], t["meaning"]) for t in sector["finance_solidaire"]))]
    if topic in ("traits", "trends"):
        return [Fields(tuple((t["title"], t["summary"]) for t in sector[topic]))]
    if topic == "training":
        return [Fields(tuple((t["name"], t["summary"]) for t in sector["training"]))]
    roles = sector["emerging_roles"]
    return [Bullets(tuple(roles["items"])), Paragraph(roles["note"])]


def sector_view(sector: dict[str, Any], topic: str | None = None) -> Document:
    study = sector["study"]
    doc = Document()
    if topic is None:
        doc.add(Heading("Le secteur de l'insertion par l'activité économique"))
        doc.add(Paragraph(f"D'après « {study['title']} », {study['publisher']}, {study['date']}. {study['method']}"))
    for key, heading in SECTOR_TOPICS.items():
        if topic is None or topic == key:
            doc.add(Heading(heading, 2 if topic is None else 1), *_sector_topic(key, sector))
    return doc


# ---------------------------------------------------------------- glossary


def glossary_view(terms: Iterable[GlossaryTerm]) -> Document:
    rows = tuple((t.term, t.meaning + ("" if t.in_study else " *")) for t in terms)
    return Document().add(
        Table(("Sigle", "Signification"), rows),
        Paragraph("* sigle employé sans être développé par l'étude ; développement d'usage courant.", "note"),
    )
