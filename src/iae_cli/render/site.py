"""The whole data as a static site: an index with the map, a page per fiche and per outside post,
the sector and the glossary, linked to each other. Every page is self-contained HTML (inline CSS,
no script, no external resource), so the folder opens from file:// on any machine, offline.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from iae_cli.model import LEVEL_LABELS, LEVEL_ORDER, Fiche, GlossaryTerm, Role
from iae_cli.render.document import Bullets, Document, Heading, Paragraph
from iae_cli.render.handout import STUDY, finish
from iae_cli.render.handout_views import LINK_WORDS, fiche_body
from iae_cli.render.html import esc, page, render_body
from iae_cli.render.sector_views import glossary_view, sector_view
from iae_cli.render.svg import MAP_LIMIT, graph_svg

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph
    from iae_cli.later import LaterEntry, LaterFacts
    from iae_cli.money import PriceIndex, TodayPay

INDEX, SECTOR, GLOSSARY = "index.html", "secteur.html", "glossaire.html"
SITE_TITLE = "Les emplois cadres de l'insertion par l'activité économique"


class SiteData(NamedTuple):
    """What the site shows; the later facts (after 2008) are optional, as in a personal data folder."""

    fiches: list[Fiche]
    roles: Mapping[str, Role]
    graph: "CareerGraph"  # names imported only for type checking stay strings (the render layer)
    sector: Any
    glossary: tuple[GlossaryTerm, ...]
    later: "LaterFacts | None" = None
    prices: "PriceIndex | None" = None
    today: "Mapping[str, TodayPay]" = {}  # noqa: RUF012 - a NamedTuple field, never mutated
    glossary_later: "Mapping[str, Sequence[LaterEntry]] | None" = None
    later_terms: frozenset[str] = frozenset()


def page_of(node: str, fiches: Iterable[str]) -> str:
    """The file of a post's page (ids are checked by the schemas: lower-case letters, digits, hyphens)."""
    return f"metier-{node}.html" if node in fiches else f"poste-{node}.html"


def _nav() -> str:
    items = ((INDEX, "Accueil"), (INDEX + "#carte", "Carte"), (SECTOR, "Le secteur"), (GLOSSARY, "Sigles"))
    return "<nav>" + "".join(f'<a href="{href}">{esc(words)}</a>' for href, words in items) + "</nav>"


class _Site:
    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.fiche_ids = [f.id for f in data.fiches]
        self.titles = {f.id: f.summary.title.masculine for f in data.fiches}
        self.titles.update({r.id: r.title for r in data.roles.values()})
        self.links = {title: page_of(node, self.fiche_ids) for node, title in self.titles.items()}

    def title_of(self, node: str) -> str:
        return self.titles[node]

    def html(self, title: str, document: Document, after: Document | None = None, figure: str = "") -> str:
        """A page: `document`, then the map `figure` (an SVG from svg.py), then `after`."""
        body = render_body(document, self.links)
        if figure:
            body += (
                f'\n<section id="carte"><h2>Carte des évolutions</h2><figure class="map">{figure}</figure></section>\n'
            )
        if after is not None:
            body += render_body(after, self.links)
        return page(title, _nav() + body)

    def neighbours(self, node: str) -> list[Bullets]:
        graph = self.data.graph
        before = tuple(f"{self.title_of(n)}" for n in graph.previous_of(node))
        after = tuple(f"{self.title_of(n)}" for n in graph.next_of(node))
        out = []
        if before:
            out.append(Bullets(before, "On y arrive depuis"))
        if after:
            out.append(Bullets(after, "On peut ensuite devenir"))
        return out

    def kinds_note(self, node: str) -> list[Paragraph]:
        graph = self.data.graph
        inferred = [
            self.title_of(b if a == node else a)
            for (a, b), e in graph.edges.items()
            if node in (a, b) and e.kind == "inferred"
        ]
        if not inferred:
            return []
        return [Paragraph(f"Passage {LINK_WORDS['inferred']} : {', '.join(inferred)}.", "note")]

    def finish(self, doc: Document, pages: list[str]) -> Document:
        return finish(doc, self.data.glossary, pages, self.data.later, self.data.prices)

    def fiche_page(self, f: Fiche) -> str:
        doc = Document().add(*fiche_body(f, self.title_of, today=self.data.today.get(f.id)))
        doc.add(Heading("Sur la carte des évolutions", 2), *self.neighbours(f.id), *self.kinds_note(f.id))
        return self.html(self.title_of(f.id), self.finish(doc, [f.summary.pages]))

    def role_page(self, role: Role) -> str:
        doc = Document().add(Heading(role.title))
        doc.add(Paragraph("Ce poste n'a pas de fiche dans l'étude : elle le cite comme étape d'un parcours."))
        if role.note:
            doc.add(Paragraph(role.note))
        doc.add(*self.neighbours(role.id), *self.kinds_note(role.id))
        return self.html(role.title, self.finish(doc, [role.pages]))

    def index(self) -> str:
        intro = finish(
            Document().add(
                Heading(SITE_TITLE),
                Paragraph(
                    "Les sept métiers cadres décrits par l'étude de l'Apec, les postes d'où l'on vient et où "
                    "l'on va, le secteur et ses sigles. Chaque nom mène à sa page ; sur la carte, chaque poste aussi."
                ),
            ),
            (),
            (),
            footer=False,
        )
        doc = Document()
        for level in LEVEL_ORDER:
            titles = tuple(self.title_of(f.id) for f in self.data.fiches if f.summary.level == level)
            if titles:
                doc.add(Heading(LEVEL_LABELS[level], 2), Bullets(titles))
        others = tuple(sorted((r.title for r in self.data.roles.values()), key=str.casefold))
        if others:
            doc.add(Heading("Postes hors des sept fiches", 2), Bullets(others))
        if len(self.data.graph.nodes) > MAP_LIMIT:
            doc.add(
                Heading("Carte des évolutions", 2),
                Paragraph(
                    f"La carte compterait {len(self.data.graph.nodes)} postes : trop pour rester lisible. "
                    "Chaque page donne les postes d'où l'on vient et où l'on va."
                ),
            )
            doc.add(Heading("Sources", 2), Paragraph(f"{STUDY}."))
            return self.html(SITE_TITLE, intro, doc)
        figure = graph_svg(
            self.data.graph,
            {f.id: f.summary.level for f in self.data.fiches},
            self.title_of,
            link_of=lambda node: page_of(node, self.fiche_ids),
        )
        doc.add(Heading("Sources", 2), Paragraph(f"{STUDY}."))
        return self.html(SITE_TITLE, intro, doc, figure)

    def pages(self) -> dict[str, str]:
        out = {INDEX: self.index()}
        out.update({page_of(f.id, self.fiche_ids): self.fiche_page(f) for f in self.data.fiches})
        out.update({page_of(r.id, self.fiche_ids): self.role_page(r) for r in self.data.roles.values()})
        out[SECTOR] = self.html("Le secteur de l'IAE", sector_view(self.data.sector, None, self.data.later))
        d = self.data
        as_of = d.later.latest_date() if d.later is not None else None
        terms = glossary_view(d.glossary, d.glossary_later, d.later_terms, as_of)
        glossary = Document().add(Heading("Les sigles de l'étude")).add(*terms.blocks)
        out[GLOSSARY] = self.html("Les sigles de l'étude", glossary)
        return out


def site_pages(data: SiteData) -> dict[str, str]:
    """File name -> HTML text, for every page of the site."""
    return _Site(data).pages()
