"""What `iae match` prints for people: the posts open to a profile, and what the others lack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iae_cli.model import BAND_LABELS, LEVEL_LABELS, Experience, FicheSummary, Salary
from iae_cli.render import labels
from iae_cli.render.document import Block, Bullets, Document, Heading, Paragraph, Table

if TYPE_CHECKING:
    from iae_cli.diplomas import Diploma
    from iae_cli.match import MatchEntry, MatchResult, Profile
    from iae_cli.money import Euros
    from iae_cli.orient import Choice


def _needed(e: Experience) -> str:
    """The years a fiche asks, with the domain they must be in: '3 ans demandés (finance…)'."""
    domain = f" ({e.domain})" if e.domain else ""
    if e.standing == "decisive-asset":
        return f"{labels.experience_figure(e)}{domain} : atout déterminant, pas une condition"
    if e.min_years == 0:
        return "aucune expérience exigée"
    text = f"{labels.years(e.min_years)} {'demandé' if e.min_years < 2 else 'demandés'}{domain}"
    return f"{text} en général" if e.standing == "usual" else text


def _reasons(profile: Profile) -> Callable[[FicheSummary], str]:
    """Why each eligible post is open. Thousands of posts share a few requirements: each
    sentence is written once per distinct (diploma, years, standing, upper end)."""
    said: dict[tuple[int, float, str, float | None, str | None], str] = {}
    has_bac, has_years = labels.bac(profile.bac), labels.years(profile.years)

    def why(f: FicheSummary) -> str:
        e = f.experience
        key = (f.diploma.min_bac, e.min_years, e.standing, e.max_years, e.domain)
        text = said.get(key)
        if text is None:
            needed = _needed(e)
            mine = f"{has_years}, {needed}" if profile.years else needed  # never « 0 an »
            text = said[key] = f"{has_bac} pour {labels.bac(f.diploma.min_bac)} demandé ; {mine}"
        return text

    return why


def asset_sentence(entry: MatchEntry) -> str:
    """What the study calls a decisive asset, and how far the person is from it (the table's floor is
    named only when it is met: a missing floor has its own sentence)."""
    floor = not entry.missing.years
    return labels.asset_gap(entry.fiche.experience, entry.missing.asset_years, bool(entry.domain), floor)


def missing_sentences(entry: MatchEntry, profile: Profile, vae: bool = True) -> list[str]:
    """What a post lacks, sentence by sentence; `vae=False` when the VAE is said once elsewhere."""
    f = entry.fiche
    out: list[str] = []
    if entry.missing.bac:
        text = f"{labels.diploma(f.diploma)} demandé, vous avez {labels.bac(profile.bac)}"
        if f.diploma.alternatives:
            text += f" (accepté aussi : {', '.join(f.diploma.alternatives)})"
        vae = vae and profile.years > 0  # the VAE validates experience: none to validate, no VAE
        out.append(text + (" ; la VAE permet d'obtenir un diplôme à partir de l'expérience" if vae else ""))
    e = f.experience
    if entry.missing.years:
        text = f"il manque {labels.years(entry.missing.years)} d'expérience"
        if e.standing == "decisive-asset" and e.table is not None:
            text += ", le seuil du tableau de synthèse"
        elif entry.domain:  # the person's years are elsewhere: none of them count
            text += f" dans le domaine « {e.domain} » (p. {e.pages}) : la vôtre est dans un autre domaine"
        elif e.domain:
            text += f" (dans le domaine : {e.domain})"
        if e.standing == "usual":
            text += ", durée que la fiche demande en général"
        out.append(text)
    if entry.missing.asset_years or (entry.domain and e.standing == "decisive-asset"):
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


VAE_NOTE = (
    "Diplôme manquant : la VAE permet d'obtenir un diplôme à partir de l'expérience "
    "(validation des acquis de l'expérience)."
)


DOMAIN_NOTE = (
    "Sans --domaine, vos années sont comptées comme si elles étaient dans le domaine que la fiche "
    "demande (entre parenthèses) ; --domaine le précise."
)


def _nothing_open(result: MatchResult) -> str:
    """Plain words for a profile that no post is open to."""
    if not result.near:
        return "Aucun poste accessible avec ce profil."
    if not all(e.missing.bac and e.missing.years for e in result.near):
        closest = result.near[0]
        return (
            "Aucun poste de l'étude ne vous est accessible aujourd'hui. Le plus proche est "
            f"{closest.fiche.title.masculine} : {' ; '.join(missing_sentences(closest, result.profile, vae=False))}."
        )
    bac = min(e.fiche.diploma.min_bac for e in result.near)
    years = min(e.fiche.experience.required_years for e in result.near)
    return (
        "Ce profil est loin de tous les postes de l'étude : chacun demande à la fois un diplôme plus élevé "
        f"(au moins {labels.bac(bac)}) et plus d'expérience (au moins {labels.years(years)}). "
        "Ce sont des postes de cadres, le plus souvent pris après une première expérience."
    )


def profile_heading(result: MatchResult, diploma: Diploma | None = None, domain: Choice | None = None) -> Heading:
    """'Profil : master (bac+5), 3 ans d'expérience (insertion)': the diploma as named and the domain
    of experience, stated as orient states them."""
    named = diploma.label if diploma is not None else labels.bac(result.profile.bac)
    return Heading(f"Profil : {labels.person(named, result.profile.years, domain.label if domain else None)}")


def match_view(
    result: MatchResult,
    near_limit: int | None = None,
    euros: Euros | None = None,
    level: str | None = None,
    diploma: Diploma | None = None,
    domain: Choice | None = None,
) -> Document:
    """Eligible posts, then the closest near misses (`near_limit` of them; None: all); `level`: the filter
    used; `diploma` and `domain`: the person's named diploma and domain of experience, for the heading."""
    p = result.profile
    pay = labels.salary_cells(euros)
    doc = Document().add(profile_heading(result, diploma, domain))
    if level is not None:
        chosen = f"Niveau retenu : {LEVEL_LABELS[level]} (--level {level}) ; les autres niveaux sont écartés."
        doc.add(Paragraph(chosen, "note"))
    doc.add(Heading(labels.group_heading(labels.OPEN_GROUP, len(result.eligible)), 2))
    if result.eligible:
        why = _reasons(p)
        rows = tuple(_match_row(e, _why(e, why), pay) for e in result.eligible)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "Pourquoi"), rows))
    elif not result.caveat:
        doc.add(Paragraph(_nothing_open(result)))
    else:
        doc.add(Paragraph("Aucun poste où vous remplissez tout ; voyez ci-dessous ceux qui vous sont ouverts."))
    if result.caveat:
        doc.add(Heading(labels.group_heading(labels.CAVEAT_GROUP, len(result.caveat)), 2))
        rows = tuple(_match_row(e, asset_sentence(e), pay) for e in result.caveat)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "À savoir"), rows))
    near = result.near if near_limit is None else result.near[:near_limit]
    if near:
        doc.add(Heading(labels.group_heading(labels.NEAR_GROUP, len(result.near)), 2))
        rows = tuple(_match_row(e, " ; ".join(missing_sentences(e, p, vae=False)), pay) for e in near)
        doc.add(Table(("Métier / identifiant / niveau", labels.salary_header(euros), "Ce qui manque"), rows))
        if len(near) < len(result.near):
            hidden = len(result.near) - len(near)
            doc.add(Paragraph(f"… et {hidden} autre(s), plus éloigné(s) : --near 0 pour tout afficher."))
        if p.years and any(e.missing.bac for e in near):
            doc.add(Paragraph(VAE_NOTE, "note"))
    shown = [e.fiche for e in (*result.eligible, *result.caveat, *near)]
    if domain is None and p.years and any(f.experience.domain for f in shown):
        doc.add(Paragraph(DOMAIN_NOTE, "note"))
    notes = _table_notes(shown)
    if notes:
        doc.add(Heading("Le tableau de synthèse et les fiches diffèrent", 2), *notes)
    return doc.add(Paragraph(labels.euros_note(euros), "note"))


def _fiche_says(e: Experience, fiche_id: str) -> str:
    text = f"{fiche_id} : la fiche {labels.fiche_asks(e)}"
    return f"{text} ; {labels.FLOOR_RULE}" if e.standing == "decisive-asset" else text


def _table_notes(fiches: list[FicheSummary]) -> list[Block]:
    """The study's summary table against the fiches: said once per (pages, years, band), then what each fiche says."""
    groups: dict[tuple[str, float, str], list[FicheSummary]] = {}
    for f in fiches:
        table = f.experience.table
        if table is not None and f.experience.table_differs:
            groups.setdefault((table.pages, table.min_years, table.band), []).append(f)
    blocks: list[Block] = []
    for (pages, min_years, band), group in groups.items():
        blocks.append(
            Paragraph(
                f"Le tableau de synthèse de l'étude (p. {pages}) range ces postes dans la tranche des "
                f"{BAND_LABELS[band]}, dès {labels.years(min_years)} ; leurs fiches, qui font foi, disent autre chose :"
            )
        )
        blocks.append(Bullets(tuple(_fiche_says(f.experience, f.id) for f in group)))
    return blocks
