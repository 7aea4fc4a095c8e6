"""What the search index holds: every fiche, role, sector topic and glossary term as passages.

Section names are what a person reads next to a matched passage (« mission », « offre »…).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from iae_cli.indexing import IndexRow, index_row
from iae_cli.model import Fiche, GlossaryTerm, Role
from iae_cli.search import Entry, Passage

if TYPE_CHECKING:
    from iae_cli.later import LaterFacts, RomeTable

# secteur.yaml key -> (id prefix, section label) for topics that hold a list of items with titles
_TITLED_LISTS = {
    "traits": ("specificites", "spécificité du secteur"),
    "trends": ("tendances", "tendance"),
    "training": ("formation", "formation"),
}


def fiche_entry(fiche: Fiche) -> Entry:
    s = fiche.summary
    p: list[Passage] = [Passage("intitulé", " / ".join(dict.fromkeys((s.title.masculine, s.title.feminine))))]
    p += [Passage("autre intitulé", alias) for alias in s.aliases]
    p.append(Passage("mission", fiche.mission))
    for group in (*fiche.activities.main, *fiche.activities.optional):
        p.append(Passage("activités", group.group))
        p += [Passage("activités", item) for item in group.items]
    p += [Passage("compétences", item) for item in fiche.skills.items]
    p += [Passage("connaissances", item) for item in fiche.knowledge.items]
    p += [Passage("recruteurs", item) for item in fiche.recruiters.items]
    p += [Passage("relations", item) for item in (*fiche.relations.internal, *fiche.relations.external)]
    diploma, experience = s.diploma, s.experience
    p += [Passage("diplôme", text) for text in (*diploma.fields, *diploma.alternatives, diploma.note) if text]
    p += [Passage("expérience", text) for text in (experience.domain, experience.note, *experience.assets) if text]
    p += [Passage("mobilité", link.label) for link in (*fiche.mobility.previous, *fiche.mobility.next)]
    for offer in fiche.offers:
        section = f"offre « {offer.title} »"
        p += [Passage(section, text) for text in (offer.title, offer.employer, *offer.requirements, *offer.missions)]
    return Entry("fiche", fiche.id, s.title.masculine, tuple(p))


def fiche_row(raw: dict[str, Any]) -> IndexRow:
    """A validated fiche's row of the search index (run by the scan, on every core)."""
    return index_row(fiche_entry(Fiche.build(raw)))


def role_entry(role: Role) -> Entry:
    passages = [Passage("intitulé", role.title)]
    if role.note:
        passages.append(Passage("note", role.note))
    return Entry("role", role.id, role.title, tuple(passages))


def glossary_entry(term: GlossaryTerm) -> Entry:
    text = f"{term.term} : {term.meaning}"
    return Entry("glossary", term.term, text, (Passage("sigle", text),))


def _named(acronym: str | None, name: str) -> str:
    return f"{name} ({acronym})" if acronym and acronym not in name else name


def sector_entries(sector: Mapping[str, Any]) -> Iterator[Entry]:
    """One entry per structure, network and titled item; one per other topic."""
    for item in sector.get("structures", ()):
        texts = [*item["definition"], item.get("count_note") or ""]
        yield _sector(f"structures/{item['id']}", _named(item.get("acronym"), item["name"]), "structure", texts)
    for item in sector.get("networks", ()):
        texts = [item["role"], *(f["label"] for f in item.get("figures", ()))]
        yield _sector(f"reseaux/{item['id']}", _named(item.get("acronym"), item["name"]), "réseau", texts)
    for key, (prefix, label) in _TITLED_LISTS.items():
        for index, item in enumerate(sector.get(key, ()), start=1):
            item_id = item.get("id") or str(index)
            yield _sector(f"{prefix}/{item_id}", item.get("title") or item["name"], label, [item["summary"]])
    if "figures" in sector:
        texts = [f["label"] for f in sector["figures"]] + list(sector.get("sectors_of_activity", ()))
        yield _sector("chiffres", "Le secteur en chiffres", "chiffres", texts)
    if "history" in sector:
        yield _sector("histoire", "Histoire de l'IAE", "histoire", [h["event"] for h in sector["history"]])
    contract = sector.get("contract")
    if contract:
        yield _sector("contrat", contract["name"], "contrat", [*contract["rules"], contract.get("reference") or ""])
    if "finance_solidaire" in sector:
        texts = [f"{f['term']} : {f['meaning']}" for f in sector["finance_solidaire"]]
        yield _sector("finance", "La finance solidaire", "finance solidaire", texts)
    roles = sector.get("emerging_roles")
    if roles:
        yield _sector("metiers-rse", "Fonctions nées de la RSE", "métiers de la RSE", [*roles["items"], roles["note"]])


def _sector(entry_id: str, title: str, section: str, texts: Iterable[str]) -> Entry:
    passages = [Passage("intitulé", title)] + [Passage(section, t) for t in texts if t]
    return Entry("sector", entry_id, title, tuple(passages))


def later_entries(later: LaterFacts) -> Iterator[Entry]:
    """What became of the institutions, contracts and structures of 2008 (kept apart: kind « later »)."""
    terms: dict[str, list[str]] = {}
    for term in later.terms:
        terms.setdefault(term.entry, []).append(f"{term.term} : {term.meaning}")
    for entry in later.entries:
        title = entry.name if not entry.changes else f"{entry.name} → {entry.changes[-1].became}"
        passages = [Passage("intitulé", title), Passage("en 2008", f"{entry.name} : {entry.full_name}")]
        passages += [Passage(f"depuis 2008 ({c.date})", f"{c.became} : {c.summary}") for c in entry.changes]
        passages += [Passage("sigle apparu depuis", text) for text in terms.get(entry.id, ())]
        yield Entry("later", entry.id, title, tuple(passages))


def rome_entries(rome: RomeTable, titles: Mapping[str, str]) -> Iterator[Entry]:
    """The ROME codes proposed for the fiches (our proposals, not the study's: kind « rome »)."""
    codes: dict[str, list[Passage]] = {}
    labels: dict[str, str] = {}
    for link in rome.links:
        labels[link.code] = link.label
        strength = "lien net" if link.strength == "strong" else "lien plus lâche"
        text = f"{titles.get(link.fiche, link.fiche)} ({link.fiche}), {strength}"
        if link.appellation:
            text += f" : {link.appellation}"
        codes.setdefault(link.code, []).append(Passage("fiche rapprochée", text))
    for code, passages in codes.items():
        title = f"{code} : {labels[code]}"
        yield Entry("rome", code, title, (Passage("code ROME", title), *passages))


def entries(
    roles: Iterable[Role],
    sector: Mapping[str, Any],
    glossary: Iterable[GlossaryTerm],
    later: LaterFacts | None = None,
    rome: RomeTable | None = None,
    titles: Mapping[str, str] | None = None,
) -> Iterator[Entry]:
    """Every entry but the fiches' (`fiche_entry`, prepared with the fiches by the source)."""
    for role in roles:
        yield role_entry(role)
    yield from sector_entries(sector)
    for term in glossary:
        yield glossary_entry(term)
    if later is not None:
        yield from later_entries(later)
    if rome is not None:
        yield from rome_entries(rome, titles or {})
