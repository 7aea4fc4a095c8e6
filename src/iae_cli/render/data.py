"""Plain dictionaries for JSON and YAML output. Their keys are a contract (tests pin them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Edge, Route
    from iae_cli.match import MatchEntry, MatchResult

from iae_cli.jsontext import compact
from iae_cli.model import Fiche, FicheSummary, MobilityLink, Offer, Salary


def _salary(s: Salary | None) -> dict[str, Any] | None:
    return None if s is None else s.record()


def summary(f: FicheSummary) -> dict[str, Any]:
    """One fiche in `iae list --format json` (and in match results): the model's own record."""
    return f.record()


def list_item(f: FicheSummary) -> str:
    """One item of `iae list --format json`, as compact JSON text (the catalog caches these)."""
    return compact(summary(f))


def _link(link: MobilityLink) -> dict[str, Any]:
    return {"label": link.label, "id": link.id, "link": link.link, "note": link.note}


def _offer(o: Offer) -> dict[str, Any]:
    return {
        "title": o.title,
        "salary": _salary(o.salary),
        "employer": o.employer,
        "size": o.size,
        "location": o.location,
        "requirements": list(o.requirements),
        "missions": list(o.missions),
        "pages": o.pages,
    }


def fiche(f: Fiche) -> dict[str, Any]:
    s = f.summary
    out = summary(s)
    out.update(
        {
            "aliases": list(s.aliases),
            "mission": f.mission,
            "recruiters": list(f.recruiters.items),
            "reporting": list(f.reporting.items),
            "relations": {"internal": list(f.relations.internal), "external": list(f.relations.external)},
            "activities": {
                "main": [{"group": g.group, "items": list(g.items)} for g in f.activities.main],
                "optional": [{"group": g.group, "items": list(g.items)} for g in f.activities.optional],
                "variability": list(f.activities.variability),
            },
            "knowledge": list(f.knowledge.items),
            "skills": list(f.skills.items),
            "mobility": {
                "previous": [_link(x) for x in f.mobility.previous],
                "next": [_link(x) for x in f.mobility.next],
            },
            "offers": [_offer(o) for o in f.offers],
            "sources": sources(f),
        }
    )
    d, e = s.diploma, s.experience
    out["diploma"].update({"fields": list(d.fields), "alternatives": list(d.alternatives), "note": d.note})
    table = None
    if e.table is not None:
        table = {
            "band": e.table.band,
            "min_years": e.table.min_years,
            "max_years": e.table.max_years,
            "pages": e.table.pages,
        }
    out["experience"].update({"note": e.note, "assets": list(e.assets), "summary_table": table})
    return out


def sources(f: Fiche) -> dict[str, str]:
    """The study's pages for each section of a fiche."""
    s = f.summary
    return {
        "study": "Apec, Les emplois cadres dans les entreprises d'insertion, 2008",
        "fiche": s.pages,
        "mission": f.mission_pages,
        "salary": s.salary.pages or s.pages,
        "recruiters": f.recruiters.pages,
        "reporting": f.reporting.pages,
        "relations": f.relations.pages,
        "activities": f.activities.pages,
        "diploma": s.diploma.pages,
        "experience": s.experience.pages,
        "summary_table": s.experience.table.pages if s.experience.table else "",
        "knowledge": f.knowledge.pages,
        "skills": f.skills.pages,
        "mobility": f.mobility.pages,
    }


def _entry(entry: MatchEntry) -> dict[str, Any]:
    return {**summary(entry.fiche), "missing": {"bac": entry.missing.bac, "years": entry.missing.years}}


def match(result: MatchResult) -> dict[str, Any]:
    return {
        "profile": {"bac": result.profile.bac, "years": result.profile.years},
        "eligible": [_entry(e) for e in result.eligible],
        "near": [_entry(e) for e in result.near],
    }


def edge(e: Edge) -> dict[str, Any]:
    return {"from": e.source, "to": e.target, "kind": e.kind, "pages": list(e.pages)}


def route(graph: CareerGraph, steps: Route) -> dict[str, Any]:
    return {"steps": list(steps), "edges": [edge(e) for e in graph.route_edges(steps)]}
