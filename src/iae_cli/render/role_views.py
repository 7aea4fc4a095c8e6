"""What `iae show ROLE` and `iae list --roles` print: the posts outside the seven fiches."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from iae_cli.model import FicheSummary, Role
from iae_cli.render import labels
from iae_cli.render.document import Bullets, Document, Fields, Heading, Paragraph, Table

if TYPE_CHECKING:
    from iae_cli.careers import CareerGraph

TitleOf = Callable[[str], str]


def _moves(
    graph: CareerGraph, pairs: Iterable[tuple[str, str]], other: Callable[[tuple[str, str]], str], title_of: TitleOf
) -> tuple[str, ...]:
    out = []
    for pair in pairs:
        edge = graph.edges[pair]
        node = other(pair)
        out.append(f"{title_of(node)} [{node}] — {labels.LINK_LABELS[edge.kind]}, p. {', '.join(edge.pages)}")
    return tuple(out)


def _fiches(ids: list[str], title_of: TitleOf) -> str:
    names = [f"« {title_of(i)} »" for i in ids]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"
    return f"de la fiche {listed}" if len(names) == 1 else f"des fiches {listed}"


def cited_as(graph: CareerGraph, role: Role, title_of: TitleOf) -> str:
    """Where the study cites a post without a fiche, from the career graph: among a fiche's previous
    posts (p-1, the role leads to the fiche), its next posts (p+1, the fiche leads to the role), or both."""
    previous_of = sorted(graph.next_of(role.id))  # the fiches that list it as a previous post
    next_of = sorted(graph.previous_of(role.id))  # the fiches that list it as a next post
    parts = []
    if previous_of:
        parts.append(f"parmi les postes précédents (p-1) {_fiches(previous_of, title_of)}")
    if next_of:
        parts.append(f"parmi les évolutions (p+1) {_fiches(next_of, title_of)}")
    if not parts:
        return "L'étude le cite sans le rattacher à une fiche."
    more = "" if role.note else ", sans le décrire davantage"
    return f"L'étude le cite {' et '.join(parts)}{more}."


def role_view(role: Role, graph: CareerGraph, title_of: TitleOf) -> Document:
    """A role: its label, what the study says of it and where, the fiches that lead to it and from it."""
    doc = Document().add(Heading(role.title))
    doc.add(
        Fields(
            (
                ("Identifiant", role.id),
                ("Type", "poste cité par l'étude, sans fiche métier"),
                ("Pages", f"{role.pages} de l'étude Apec 2008"),
            )
        )
    )
    doc.add(Heading("Ce qu'en dit l'étude", 2))
    doc.add(Paragraph(cited_as(graph, role, title_of)))
    if role.note:
        doc.add(Paragraph(role.note))
    before = _moves(graph, ((p, role.id) for p in graph.previous_of(role.id)), lambda e: e[0], title_of)
    after = _moves(graph, ((role.id, n) for n in graph.next_of(role.id)), lambda e: e[1], title_of)
    doc.add(Heading("Y mènent", 2))
    doc.add(Bullets(before) if before else Paragraph("Aucune fiche de l'étude ne mène à ce poste."))
    doc.add(Heading("Mène à", 2))
    doc.add(
        Bullets(after) if after else Paragraph("L'étude ne cite aucune fiche vers laquelle évoluer depuis ce poste.")
    )
    doc.add(Paragraph(f"Carte des évolutions depuis ce poste : iae path {role.id}"))
    return doc


def role_list(roles: Iterable[Role]) -> Document:
    rows = tuple((f"{r.title}\n{r.id}", f"p. {r.pages}") for r in roles)
    return Document().add(
        Heading("Autres postes cités par l'étude", 2),
        Table(("Poste / identifiant", "Pages"), rows),
        Paragraph("Pour l'un d'eux : iae show IDENTIFIANT ; ses évolutions : iae path IDENTIFIANT.", "note"),
    )


def choices_view(fiches: Iterable[FicheSummary], roles: Iterable[Role]) -> Document:
    """`iae show` with no name: what there is to show."""
    doc = Document().add(Heading("Que voulez-vous afficher ?"))
    doc.add(
        Heading("Fiches métiers", 2),
        Table(("Métier", "Identifiant"), tuple((f.title.masculine, f.id) for f in fiches)),
    )
    doc.add(
        Heading("Les autres postes cités", 2),
        Table(("Poste", "Identifiant"), tuple((r.title, r.id) for r in roles)),
    )
    doc.add(Paragraph("Par exemple : iae show charge-insertion ; iae show travailleur-social.", "note"))
    return doc
