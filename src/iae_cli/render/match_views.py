"""What `iae match` prints for people: the posts open to a profile, and what the others lack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iae_cli.model import LEVEL_LABELS, FicheSummary, Salary
from iae_cli.render import labels
from iae_cli.render.document import Bullets, Document, Heading, Paragraph, Table

if TYPE_CHECKING:
    from iae_cli.match import MatchEntry, MatchResult, Profile
    from iae_cli.money import Euros


def _needed(years: float, standing: str, figure: str) -> str:
    if standing == "decisive-asset":
        return f"{figure} : atout déterminant, pas une condition"
    if years == 0:
        return "aucune expérience exigée"
    text = f"{labels.years(years)} {'demandé' if years < 2 else 'demandés'}"
    return f"{text} en général" if standing == "usual" else text


def _reasons(profile: Profile) -> Callable[[FicheSummary], str]:
    """Why each eligible post is open. Thousands of posts share a few requirements: each
    sentence is written once per distinct (diploma, years, standing, upper end)."""
    said: dict[tuple[int, float, str, float | None], str] = {}
    has_bac, has_years = labels.bac(profile.bac), labels.years(profile.years)

    def why(f: FicheSummary) -> str:
        e = f.experience
        key = (f.diploma.min_bac, e.min_years, e.standing, e.max_years)
        text = said.get(key)
        if text is None:
            needed = _needed(e.min_years, e.standing, labels.experience_figure(e))
            text = said[key] = f"{has_bac} pour {labels.bac(f.diploma.min_bac)} demandé ; {has_years}, {needed}"
        return text

    return why


def asset_sentence(entry: MatchEntry) -> str:
    """What the study calls a decisive asset, and how far the person is from it."""
    e = entry.fiche.experience
    domain = f" ({e.domain})" if e.domain else ""
    short = []
    if entry.missing.asset_years:
        short.append(f"il vous en manque {labels.years(entry.missing.asset_years)}")
    if entry.domain:
        short.append("votre expérience est dans un autre domaine, qui compte moins")
    return (
        f"aucune durée exigée, mais l'étude tient {labels.experience_figure(e)}{domain} pour un atout "
        f"déterminant : {' ; '.join(short)}"
    )


def missing_sentences(entry: MatchEntry, profile: Profile) -> list[str]:
    f = entry.fiche
    out: list[str] = []
    if entry.missing.bac:
        text = f"{labels.diploma(f.diploma)} demandé, vous avez {labels.bac(profile.bac)}"
        if f.diploma.alternatives:
            text += f" (accepté aussi : {', '.join(f.diploma.alternatives)})"
        out.append(text + " ; la VAE permet d'obtenir un diplôme à partir de l'expérience")
    if entry.missing.years:
        text = f"il manque {labels.years(entry.missing.years)} d'expérience"
        if f.experience.domain:
            text += f" (dans le domaine : {f.experience.domain})"
        if f.experience.standing == "usual":
            text += ", durée que la fiche demande en général"
        out.append(text)
    if entry.domain and f.experience.standing != "decisive-asset":
        out.append(
            f"une expérience dans le domaine « {entry.domain} » (p. {f.experience.pages}) : "
            "la vôtre, dans un autre domaine, compte moins"
        )
    if entry.missing.asset_years or (entry.domain and f.experience.standing == "decisive-asset"):
        out.append(asset_sentence(entry))
    return out


def _why(entry: MatchEntry, why: Callable[[FicheSummary], str]) -> str:
    """Why an eligible post is open: its diploma level, or the alternative it accepts."""
    if entry.alternative:
        return f"votre diplôme vaut « {entry.alternative} », que la fiche accepte"
    return why(entry.fiche)


def _name_cell(f: FicheSummary) -> str:
    return f"{f.title.masculine}\n{f.id}\n{LEVEL_LABELS[f.level]}"


def _match_row(entry: MatchEntry, reason: str, pay: Callable[[Salary], str]) -> tuple[str, ...]:
    return (_name_cell(entry.fiche), pay(entry.fiche.salary), reason)


def _pay_labels(euros: Euros | None) -> Callable[[Salary], str]:
    """Thousands of posts share a few pay ranges: each label is written once per view."""
    said: dict[Salary, str] = {}

    def pay(salary: Salary) -> str:
        text = said.get(salary)
        if text is None:
            text = said[salary] = labels.salary_cell(salary, euros)
        return text

    return pay


def match_view(result: MatchResult, near_limit: int | None = None, euros: Euros | None = None) -> Document:
    """Eligible posts, then the closest near misses (`near_limit` of them; None: all)."""
    p = result.profile
    pay = _pay_labels(euros)
    doc = Document().add(Heading(f"Profil : {labels.bac(p.bac)}, {labels.years(p.years)} d'expérience"))
    doc.add(Heading(f"Postes accessibles ({len(result.eligible)})", 2))
    if result.eligible:
        why = _reasons(p)
        rows = tuple(_match_row(e, _why(e, why), pay) for e in result.eligible)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "Pourquoi"), rows))
    else:
        doc.add(Paragraph("Aucun poste accessible avec ce profil."))
    if result.caveat:
        doc.add(Heading(f"Ouverts, mais… ({len(result.caveat)})", 2))
        rows = tuple(_match_row(e, asset_sentence(e), pay) for e in result.caveat)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "À savoir"), rows))
    near = result.near if near_limit is None else result.near[:near_limit]
    if near:
        doc.add(Heading(f"Presque ({len(result.near)}), du plus proche au plus lointain", 2))
        rows = tuple(_match_row(e, " ; ".join(missing_sentences(e, p)), pay) for e in near)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "Ce qui manque"), rows))
        if len(near) < len(result.near):
            hidden = len(result.near) - len(near)
            doc.add(Paragraph(f"… et {hidden} autre(s), plus éloigné(s) : --near 0 pour tout afficher."))
    notes = [
        f"{e.fiche.id} : {labels.table_note(e.fiche.experience)}"
        for e in (*result.eligible, *result.caveat, *near)
        if labels.table_note(e.fiche.experience)
    ]
    if notes:
        doc.add(Heading("Le tableau de synthèse et les fiches diffèrent", 2), Bullets(tuple(notes)))
    return doc.add(Paragraph(labels.euros_note(euros), "note"))
