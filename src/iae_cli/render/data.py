"""Every JSON (and YAML) payload of every command, built here from the model and core results.

The keys are a public contract, pinned by tests/test_json_contract.py. Nothing is copied from a
data file as it is: each key is named here, so renaming a key in the YAML fails loudly instead of
silently changing what scripts read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from iae_cli.jsontext import compact
from iae_cli.model import Disagreement, Fiche, FicheSummary, GlossaryTerm, MobilityLink, Offer, Role, Salary

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph, Edge, Route
    from iae_cli.compare import Comparison, Post
    from iae_cli.diplomas import Diploma
    from iae_cli.errors import Problem
    from iae_cli.later import FicheLater, LaterEntry, LaterFacts, RomeLink
    from iae_cli.match import MatchEntry, MatchResult
    from iae_cli.money import Euros
    from iae_cli.orient import Assessment, Choice, Orientation
    from iae_cli.search import SearchResult

STUDY = "Apec, Les emplois cadres dans les entreprises d'insertion, 2008"


def _salary(s: Salary | None, euros: Euros | None = None) -> dict[str, Any] | None:
    """A pay range of the study; `today` (issue 12) is the same range in another year's euros."""
    if s is None:
        return None
    out: dict[str, Any] = {"min_keur": s.min_keur, "max_keur": s.max_keur}
    if s.profile is not None:
        out["profile"] = s.profile
    if s.year is not None:
        out["year"] = s.year
    if s.note is not None:
        out["note"] = s.note
    if euros is not None:
        out["today"] = euros.convert(s.min_keur, s.max_keur, s.year).record()
    return out


def summary(f: FicheSummary, euros: Euros | None = None) -> dict[str, Any]:
    """One fiche in `iae list --format json` (and in match results)."""
    e = f.experience
    return {
        "id": f.id,
        "title": f.title.masculine,
        "title_feminine": f.title.feminine,
        "level": f.level,
        "salary": _salary(f.salary, euros),
        "diploma": {"min_bac": f.diploma.min_bac, "max_bac": f.diploma.max_bac},
        "experience": {
            "min_years": e.min_years,
            "max_years": e.max_years,
            "domain": e.domain,
            "standing": e.standing,
            "table_differs": e.table_differs,
        },
    }


def list_item(f: FicheSummary, euros: Euros | None = None) -> str:
    """One item of `iae list --format json`, as compact JSON text (the catalog caches these)."""
    return compact(summary(f, euros))


def _link(link: MobilityLink) -> dict[str, Any]:
    return {"label": link.label, "id": link.id, "link": link.link, "note": link.note}


def _offer(o: Offer, euros: Euros | None) -> dict[str, Any]:
    return {
        "title": o.title,
        "salary": _salary(o.salary, euros),
        "employer": o.employer,
        "size": o.size,
        "location": o.location,
        "requirements": list(o.requirements),
        "missions": list(o.missions),
        "reporting": o.reporting,
        "pages": o.pages,
    }


def _disagreement(d: Disagreement) -> dict[str, Any]:
    return {
        "about": d.about,
        "versions": [{"where": v.where, "says": v.says, "pages": v.pages} for v in d.versions],
        "note": d.note,
    }


def fiche(f: Fiche, euros: Euros | None = None, later: FicheLater | None = None) -> dict[str, Any]:
    """`iae show ID --format json`: the whole fiche; with `later`, the facts after the study (issue 12)
    under their own keys: `rome` (proposed codes) and `later` (institutions named that changed)."""
    s = f.summary
    out = summary(s, euros)
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
            "offers": [_offer(o, euros) for o in f.offers],
            "disagreements": [_disagreement(d) for d in f.disagreements],
            "sources": sources(f),
        }
    )
    d, e = s.diploma, s.experience
    out["diploma"].update(
        {
            "fields": list(d.fields),
            "asset_fields": list(d.asset_fields),
            "alternatives": list(d.alternatives),
            "note": d.note,
        }
    )
    table = None
    if e.table is not None:
        table = {
            "band": e.table.band,
            "min_years": e.table.min_years,
            "max_years": e.table.max_years,
            "pages": e.table.pages,
        }
    out["experience"].update({"note": e.note, "assets": list(e.assets), "summary_table": table})
    if later is not None:
        out["rome"] = [link.record() for link in later.rome]
        out["later"] = fiche_later(later)
    return out


def rome_code(code: str, links: Iterable[RomeLink], title_of: Callable[[str], str]) -> dict[str, Any]:
    """`iae show CODE --format json` for a ROME code: the fiches we link to it (a proposal of ours)."""
    return {
        "code": code,
        "fiches": [{"id": link.fiche, "title": title_of(link.fiche), **link.record()} for link in links],
    }


def fiche_later(later: FicheLater) -> dict[str, Any]:
    """The later facts of a fiche: what the institutions it names became, and where ROME codes serve."""
    return {
        "checked_as_of": later.checked_as_of,
        "entries": [e.record() for e in later.entries],
        "offer_services": [s.record() for s in later.services],
    }


def fiche_section(
    f: Fiche, keys: tuple[str, ...], euros: Euros | None = None, later: FicheLater | None = None
) -> dict[str, Any]:
    """`iae show ID --section S [--section T] --format json`: the fiche's id and those keys of `fiche`."""
    whole = fiche(f, euros, later)
    return {"id": f.id, **{key: whole.get(key) for key in keys}}


def sources(f: Fiche) -> dict[str, str]:
    """The study's pages for each section of a fiche."""
    s = f.summary
    return {
        "study": STUDY,
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


def _entry(entry: MatchEntry, euros: Euros | None) -> dict[str, Any]:
    m = entry.missing
    return {
        **summary(entry.fiche, euros),
        "missing": {
            **{"bac": m.bac, "years": m.years, "decisive_asset_years": m.asset_years},
            **{"domain": entry.domain, "alternative": entry.alternative},
        },
    }


def match(result: MatchResult, diploma: Diploma, domain: Choice | None, euros: Euros | None = None) -> dict[str, Any]:
    """`iae match --format json`: the profile, the eligible posts, those open with a caveat (every
    condition met, short of years the study calls a decisive asset) and all the others. The profile
    names the diploma and the domain of experience as orient's does."""
    p = result.profile
    return {
        "profile": {"bac": p.bac, "diploma": diploma.label, "years": p.years, "domain": domain.key if domain else None},
        "eligible": [_entry(e, euros) for e in result.eligible],
        "open_with_caveat": [_entry(e, euros) for e in result.caveat],
        "near": [_entry(e, euros) for e in result.near],
    }


def edge(e: Edge) -> dict[str, Any]:
    return {"from": e.source, "to": e.target, "kind": e.kind, "pages": list(e.pages)}


def route(graph: CareerGraph, steps: Route) -> dict[str, Any]:
    return {"steps": list(steps), "edges": [edge(e) for e in graph.route_edges(steps)]}


def routes(
    start: str, goal: str, graph: CareerGraph, found: list[Route], every: bool, left_out: int | None = None
) -> dict[str, Any]:
    """`iae path FROM TO --format json`: the best route; all of them too when asked (`every`) or
    when there are several; no steps when there is none. With --all, `left_out` counts the
    equally short routes not listed."""
    if not found:
        return {"from": start, "to": goal, "steps": [], "edges": []}
    payload: dict[str, Any] = {"from": start, "to": goal, **route(graph, found[0])}
    if len(found) > 1 or every:
        payload["routes"] = [route(graph, r) for r in found]
    if left_out is not None:
        payload["left_out"] = left_out
    return payload


def career_map(start: str, reached: list[tuple[str, int, str | None]], tree_edges: list[Edge]) -> dict[str, Any]:
    """`iae path FROM --format json`: every post reachable from FROM, and how."""
    return {
        "from": start,
        "to": None,
        "steps": [],
        "edges": [edge(e) for e in tree_edges],
        "reachable": [{"id": node, "moves": moves, "via": parent} for node, moves, parent in reached],
    }


def glossary(
    terms: Iterable[GlossaryTerm],
    later: Mapping[str, Sequence[LaterEntry]] | None = None,
    later_terms: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """`iae glossary --format json`: each term, whether it appeared after the study, and what
    became since 2008 of what it names (each change dated and sourced)."""
    later = later or {}
    return [
        {
            "term": t.term,
            "meaning": t.meaning,
            "in_study": t.in_study,
            "usage": "later" if t.term in later_terms else t.usage,
            "note": t.note,
            "source": None
            if t.source is None
            else {"name": t.source.name, "url": t.source.url, "later": t.source.later},
            "pages": t.pages,
            "later_term": t.term in later_terms,
            "later": [e.record() for e in later.get(t.term, ())],
        }
        for t in terms
    ]


def validation(folder: str, problems: list[Problem]) -> dict[str, Any]:
    """`iae validate --format json`: the folder, whether it is valid, every problem located."""
    return {
        "folder": folder,
        "valid": not problems,
        "problems": [{"file": p.file, "line": p.line, "column": p.column, "message": p.message} for p in problems],
    }


# The sector, key by key. Each key is read by name: a key renamed in secteur.yaml is a KeyError here.


def _pick(item: Mapping[str, Any], *keys: str, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    out = {key: item[key] for key in keys}
    out.update({key: item[key] for key in optional if key in item})
    return out


def _figure(figure: Mapping[str, Any]) -> dict[str, Any]:
    return _pick(figure, "label", "value", optional=("pages",))


def _sections(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{"title": s["title"], "items": list(s["items"])} for s in items]


def _network(n: Mapping[str, Any]) -> dict[str, Any]:
    out = _pick(n, "id", "acronym", "name", "founded", "role")
    out["figures"] = [_figure(f) for f in n["figures"]]
    out["sections"] = _sections(n["sections"])
    out.update(_pick(n, "website", "pages"))
    return out


def _topics(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{**_pick(t, "title", "summary", "pages"), "details": list(t.get("details", ()))} for t in items]


def _training(t: Mapping[str, Any]) -> dict[str, Any]:
    out = _pick(t, "id", "name", "summary", "pages")
    out["sections"] = _sections(t["sections"])
    out["note"] = t.get("note")
    return out


SECTOR: dict[str, Callable[[Any], Any]] = {
    "study": lambda s: _pick(s, "title", "publisher", "date", "method", "note", "pages"),
    "references": list,
    "typology": lambda t: _pick(t, "intro", "criteria", "pages"),
    "context": lambda c: _pick(c, "points", "pages"),
    "legal_frame": lambda f: _pick(
        f,
        "law_1998",
        "aim",
        "objectives",
        "definition",
        "conditions_intro",
        "conditions",
        "shared_frame",
        "note",
        "pages",
    ),
    "structures": lambda items: [
        _pick(s, "id", "acronym", "name", "count_2005", "count_note", "definition", "note", "pages") for s in items
    ],
    "networks_intro": list,
    "networks": lambda items: [_network(n) for n in items],
    "figures": lambda items: [_figure(f) for f in items],
    "sectors_of_activity": list,
    "history": lambda items: [{**_pick(h, "year", "event"), "note": h.get("note")} for h in items],
    "contract": lambda c: _pick(
        c, "name", "min_months", "max_months", "min_weekly_hours", "replaces", "rules", "reference", "pages"
    ),
    "finance_solidaire": lambda items: [_pick(t, "term", "meaning") for t in items],
    "finance_solidaire_scope": lambda f: _pick(
        f, "summary", "operations", "traditional", "traditional_note", "specific", "pages"
    ),
    "traits": _topics,
    "positive_exit": lambda p: {
        "summary": p["summary"],
        "definitions": [_pick(d, "who", "meaning") for d in p["definitions"]],
        "pages": p["pages"],
    },
    "trends": _topics,
    "policy_report": lambda r: _pick(r, "title", "author", "addressee", "date", "diagnosis", "follow_up", "pages"),
    "training": lambda items: [_training(t) for t in items],
    "emerging_roles": lambda r: _pick(r, "items", "note", "pages"),
}


def sector(
    data: Mapping[str, Any],
    keys: Iterable[str] | None = None,
    later: LaterFacts | None = None,
    topics: Iterable[str] = (),
) -> dict[str, Any]:
    """`iae sector [TOPIC] --format json`: the sector, or the keys of one topic. With `later`, two
    keys beside the study's: `later` (what changed, for the `topics` shown) and, with the figures,
    `figures_later` (the later series, each point dated and sourced)."""
    out = {key: SECTOR[key](data[key]) for key in (SECTOR if keys is None else keys)}
    if later is not None:
        entries = {e.id: e for topic in topics for e in later.for_topic(topic)}
        out["later"] = {"checked_as_of": later.latest_date(), "entries": [e.record() for e in entries.values()]}
        if "figures" in out:
            out["figures_later"] = {"series": [f.record() for f in later.figures], "note": later.figures_note}
    return out


def search(result: SearchResult) -> dict[str, Any]:
    """`iae search --format json`: results best first, each with its matched passages."""
    hits = [
        {
            "kind": h.kind,
            "id": h.id,
            "title": h.title,
            "score": h.score,
            "all_words": h.all_words,
            "matches": _texts(h.matches),
        }
        for h in result.hits
    ]
    q = result.query.text
    return {
        "query": q,
        "partial": result.partial,
        "total": result.total,
        "results": hits,
        "suggestions": [*result.suggestions],
    }


def _texts(items: Iterable[Any]) -> list[dict[str, str]]:
    return [{"section": i.section, "text": i.text} for i in items]


def _post(post: Post) -> dict[str, Any]:
    if post.fiche is None:
        return {"kind": "role", "id": post.id, "title": post.title, "note": post.role.note if post.role else None}
    f, d, e = post.fiche, post.fiche.summary.diploma, post.fiche.summary.experience
    out = {
        "kind": "fiche",
        **summary(f.summary),
        "recruiters": [*f.recruiters.items],
        "reporting": [*f.reporting.items],
    }
    out["experience"] = {**out["experience"], "assets": list(e.assets)}
    out["diploma"] = {**out["diploma"], "fields": list(d.fields), "alternatives": list(d.alternatives)}
    return out


def comparison(c: Comparison, graph: CareerGraph, euros: Euros | None = None) -> dict[str, Any]:
    """`iae compare A B --format json`: both posts, what to add from A to B, what they share, the route;
    each fiche's pay also in the euros of the price table's latest year when the data has one."""
    bac, years = ({"a": s.a, "b": s.b, "to_add": s.to_add} for s in (c.bac, c.years))
    salaries: dict[str, Any] = {}
    for key, post in (("a", c.a), ("b", c.b)):
        pay = post.fiche.summary.salary if post.fiche else None
        salaries[key] = _salary(pay)
        if pay is not None and euros is not None:
            salaries[key]["today"] = euros.convert(pay.min_keur, pay.max_keur, pay.year).record()
    return {
        **{"a": _post(c.a), "b": _post(c.b), "requirements": {"bac": bac, "years": years}, "salary": salaries},
        **{"shared": list(c.shared), "only_a": _texts(c.only_a), "only_b": _texts(c.only_b)},
        "route": route(graph, c.route) if c.route else None,
    }


def _assessment(a: Assessment) -> dict[str, Any]:
    domain = a.fiche.experience.domain if a.domain_ok is False else None
    missing: dict[str, Any] = {"bac": a.bac, "years": a.years, "asset_years": a.asset_years, "domain": domain}
    missing["assets"] = list(a.fiche.experience.assets)
    return {**summary(a.fiche), "fit": a.fit, "missing": missing, "alternative": a.alternative}


def orientation(o: Orientation, graph: CareerGraph) -> dict[str, Any]:
    """`iae orient --format json`: the profile, open posts best first, the next ones nearest first."""
    p = o.person
    profile = {"bac": p.diploma.bac, "diploma": p.diploma.label, "years": p.years}
    profile.update({"domain": p.domain.key if p.domain else None, "wish": p.wish.key, "current": p.current})
    return {
        **{"profile": profile, "open": [_assessment(a) for a in o.open], "next": [_assessment(a) for a in o.next]},
        **{"target": o.target, "route": route(graph, o.route) if o.route else None},
        "training": [{"id": t.id, "name": t.name, "summary": t.summary, "pages": t.pages} for t in o.training],
    }


def role(r: Role, graph: CareerGraph) -> dict[str, Any]:
    """`iae show ROLE --format json`: a post outside the fiches, and the moves to and from it."""
    return {
        "id": r.id,
        "kind": "role",
        "title": r.title,
        "note": r.note,
        "pages": r.pages,
        "previous": [edge(graph.edges[(p, r.id)]) for p in graph.previous_of(r.id)],
        "next": [edge(graph.edges[(r.id, n)]) for n in graph.next_of(r.id)],
    }


def role_summary(r: Role) -> dict[str, Any]:
    """One role in `iae list --roles --format json`."""
    return {"id": r.id, "title": r.title, "note": r.note, "pages": r.pages}
