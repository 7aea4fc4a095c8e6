"""French wording of figures: diplomas, years, pay, links."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from iae_cli.model import BAND_LABELS, Diploma, Disagreement, Experience, Salary

if TYPE_CHECKING:
    from iae_cli.money import Euros, TodayPay

# The parts of a fiche, by their keys in the JSON (render/data.py), as a person names them.
SOURCE_NAMES = {
    "fiche": "Fiche entière",
    "mission": "Mission",
    "salary": "Rémunération",
    "recruiters": "Qui recrute",
    "reporting": "Rattachement hiérarchique",
    "relations": "Relations",
    "activities": "Activités",
    "diploma": "Diplôme",
    "experience": "Expérience",
    "summary_table": "Tableau de synthèse",
    "knowledge": "Connaissances",
    "skills": "Compétences",
    "mobility": "Mobilité",
    "offers": "Exemples d'offres",
}


def number(value: float) -> str:
    """French figures: 1.5 -> '1,5'; 3.0 -> '3'; 17000 -> '17 000' (no-break space)."""
    if value == int(value) and abs(value) >= 10000:
        return f"{int(value):,}".replace(",", "\u00a0")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def years(value: float) -> str:
    return f"{number(value)} an" if value < 2 else f"{number(value)} ans"


def experience_of(value: float) -> str:
    """A person's experience: '2 ans d'expérience'; 0 years reads 'sans expérience', never '0 an'."""
    return f"{years(value)} d'expérience" if value else "sans expérience"


def person(diploma: str, experience_years: float, domain: str | None = None) -> str:
    """A person as match and orient both state them: 'master (bac+5), 2 ans d'expérience (action sociale)';
    the domain only with some experience."""
    text = f"{diploma}, {experience_of(experience_years)}"
    return f"{text} ({domain})" if experience_years and domain else text


# The three groups of posts, named alike by match and orient, on screen and in handouts.
OPEN_GROUP = "Postes accessibles"
CAVEAT_GROUP = "Accessibles, avec une réserve"
NEAR_GROUP = "Postes à viser ensuite"
NEAR_ORDER = "du plus proche au plus lointain"


def group_heading(group: str, count: int | None = None) -> str:
    """'Postes accessibles (2)'; the near group adds its order: 'Postes à viser ensuite (5), du plus proche…'."""
    text = group if count is None else f"{group} ({count})"
    return f"{text}, {NEAR_ORDER}" if group == NEAR_GROUP else text


# Where a person stands at a step of a route (match.route_states): one wording for path's table and
# its handout, the caveat named as match and orient name their group (CAVEAT_GROUP).
STEP_STATES = {
    "open": "accessible",
    "caveat": "accessible, avec une réserve",
    "blocked": "à préparer",
    "later": "plus tard",
    "unknown": "—",
}


def step_state(state: str, e: Experience | None) -> str:
    """A step's state in words; the reserve says what it is (route_states' caveat: short of the years
    the study calls a decisive asset): 'accessible, avec une réserve : sans l'atout déterminant (3 à 5 ans)'."""
    text = STEP_STATES[state]
    return f"{text} : sans l'atout déterminant ({experience_figure(e)})" if state == "caveat" and e else text


def decisive_asset(e: Experience) -> str:
    """The study's decisive asset, which is no condition: 'l'étude tient 3 à 5 ans (action sociale) pour un
    atout déterminant'."""
    domain = f" ({e.domain})" if e.domain else ""
    return f"l'étude tient {experience_figure(e)}{domain} pour un atout déterminant"


def table_floor(e: Experience) -> str:
    """The condition a decisive asset leaves: 'au moins 1 an selon le tableau de synthèse'."""
    if e.table is None or not e.table.min_years:
        return "aucune durée exigée"
    return f"au moins {years(e.table.min_years)} selon le tableau de synthèse"


def experience_in_words(e: Experience) -> str:
    """The years a fiche names, in a sentence for documents: a decisive asset reads 'au moins 1 an selon le
    tableau de synthèse, mais l'étude tient 3 à 5 ans (action sociale) pour un atout déterminant'
    (`experience` is the short form)."""
    if e.standing == "decisive-asset":
        return f"{table_floor(e)}, mais {decisive_asset(e)}"
    return experience(e)


def asset_gap(e: Experience, missing_years: float, other_domain: bool, floor: bool = True) -> str:
    """What the study calls a decisive asset, and how far the person is from it (`other_domain`: the
    person's years are in another domain, so none of them count toward it; `floor=False`: the table's
    floor is said elsewhere)."""
    text = experience_in_words(e) if floor else decisive_asset(e)
    if not missing_years:
        return text
    where = " dans ce domaine (la vôtre est dans un autre)" if other_domain else ""
    return f"{text} : il vous en manque {years(missing_years)}{where}"


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and sum(c.isupper() for c in letters) > 1


def lower_first(text: str) -> str:
    """Lowercase an item's capital when it comes mid-sentence, unless its first word is an acronym (« ESAT »,
    « DDTEFP »); proper nouns among the data items are left to the caller (use only where items are common words)."""
    first = text.split(" ", 1)[0]
    if not text[:1].isupper() or _is_acronym(first):
        return text
    return text[:1].lower() + text[1:]


def join_items(items: Sequence[str]) -> str:
    """Items joined in one sentence with « ; »: a prefix they all share (« Double contrôle : ») is said once,
    and no item keeps a capital after « ; » or « : »."""
    if not items:
        return ""
    head, rest = shared_prefix(items)
    if head is not None:
        return f"{head} : {' ; '.join(lower_first(i) for i in rest)}"
    return " ; ".join([items[0], *(lower_first(i) for i in items[1:])])


def shared_prefix(items: Sequence[str]) -> tuple[str | None, list[str]]:
    """Items that all open with the same « Prefix : » (two or more): the prefix, said once, and the rest
    of each item; else (None, the items)."""
    head, sep, _ = items[0].partition(" : ") if items else ("", "", "")
    if len(items) > 1 and sep and all(i.startswith(f"{head} : ") for i in items):
        return head, [i[len(head) + 3 :] for i in items]
    return None, list(items)


def bac(level: int) -> str:
    return "bac" if level == 0 else f"bac+{level}"


def diploma(d: Diploma) -> str:
    text = bac(d.min_bac)
    if d.max_bac is not None and d.max_bac != d.min_bac:
        text += f" à {d.max_bac}"
    return text


def experience_figure(e: Experience) -> str:
    """The years a fiche names, whatever it makes of them."""
    if e.min_years == 0 and e.max_years is None:
        return "débutant accepté"
    if e.max_years is None:
        return f"{years(e.min_years)} et plus"
    return f"{number(e.min_years)} à {years(e.max_years)}"


def experience(e: Experience) -> str:
    """The years a fiche names, worded as the study does: a condition, a condition « en général »,
    or a decisive asset that is no condition."""
    figure = experience_figure(e)
    if e.standing == "usual":
        return f"{figure}, en général"
    if e.standing == "decisive-asset":
        floor = f"dès {years(e.table.min_years)}" if e.table is not None and e.table.min_years else "non exigée"
        return f"{floor} ({figure} : atout déterminant)"
    return figure


def fiche_asks(e: Experience) -> str:
    """What the fiche does with its years, as the end of a sentence starting « la fiche … »."""
    figure = experience_figure(e)
    if e.standing == "usual":
        return f"demande en général {figure}"
    if e.standing == "decisive-asset":
        return f"ne pose aucune durée comme condition et tient {figure} pour un atout déterminant"
    return f"demande {figure}"


def salary(s: Salary) -> str:
    if s.min_keur == s.max_keur:
        return f"{number(s.min_keur)} k€"
    return f"{number(s.min_keur)}–{number(s.max_keur)} k€"


def salary_with_profile(s: Salary) -> str:
    text = salary(s) + " brut annuel"
    if s.profile:
        text += f" ({s.profile}"
        text += f", {s.year})" if s.year else ")"
    return text


def table_note(e: Experience) -> str | None:
    """The study's summary table against the fiche, when they differ."""
    if e.table is None or not e.table_differs:
        return None
    where = f"l'ouvre dès {years(e.table.min_years)}, dans la tranche des {BAND_LABELS[e.table.band]}"
    table = f"le tableau de synthèse de l'étude (p. {e.table.pages}) {where}"
    if e.standing == "decisive-asset":
        return f"{table} ; la fiche {fiche_asks(e)} : {FLOOR_RULE}"
    return f"{table} ; la fiche {fiche_asks(e)}, et iae suit la fiche"


# What iae makes of a fiche whose years are only a decisive asset (README, « Qui peut postuler où »).
FLOOR_RULE = "iae retient le seuil du tableau comme condition, et les années de la fiche comme l'atout à viser"


def disagreement(d: Disagreement) -> str:
    """One contradiction of the study, every version with its page, in one sentence."""
    versions = " ; ".join(f"{v.where} (p. {v.pages}) : {v.says}" for v in d.versions)
    text = f"L'étude se contredit. {versions[0].upper()}{versions[1:]}."
    return f"{text} {d.note}" if d.note else text


LINK_LABELS = {"stated": "cité par l'étude", "inferred": "déduit"}


# ---------------------------------------------------------------- pay in another year's euros


def whole(value: float) -> str:
    """k€ rounded to the unit, halves up: 32.4 -> '32', 38.9 -> '39'."""
    return number(float(math.floor(value + 0.5)))


def pay_range(low: float, high: float) -> str:
    return f"{whole(low)} k€" if whole(low) == whole(high) else f"{whole(low)}–{whole(high)} k€"


def today(pay: TodayPay) -> str:
    """'≈ 32–39 k€ de 2025'."""
    return f"≈ {pay_range(pay.min_keur, pay.max_keur)} de {pay.year}"


def study_year(s: Salary, euros: Euros | None) -> int:
    if s.year is not None:
        return s.year
    return euros.prices.study_year if euros is not None else 2008


def salary_header(euros: Euros | None) -> str:
    """The heading of a pay column, which says the years: the cells stay narrow (see salary_cell)."""
    if euros is None:
        return "Salaire\nbrut/an 2008"
    return f"Salaire\nbrut/an {euros.prices.study_year}\n(≈ € de {euros.year})"


def salary_cell(s: Salary, euros: Euros | None) -> str:
    """A table cell under salary_header: '25–30 k€' over '≈ 32–39 k€' (ten columns wide at most)."""
    if euros is None:
        return salary(s)
    pay = euros.convert(s.min_keur, s.max_keur, s.year)
    return f"{salary(s)}\n≈ {pay_range(pay.min_keur, pay.max_keur)}"


Value = TypeVar("Value", bound=Hashable)


def once_each(label: Callable[[Value], str]) -> Callable[[Value], str]:
    """`label`, written once per distinct value: thousands of posts share a few pay ranges,
    diplomas and experiences, and a table of 5,000 rows writes each of them once."""
    said: dict[Value, str] = {}

    def written(value: Value) -> str:
        text = said.get(value)
        if text is None:
            text = said[value] = label(value)
        return text

    return written


def salary_cells(euros: Euros | None) -> Callable[[Salary], str]:
    """`salary_cell` for the rows of one table, each pay range written once."""
    return once_each(lambda s: salary_cell(s, euros))


def salary_sentence(s: Salary, euros: Euros | None) -> str:
    """'25–30 k€ brut/an en 2008 (≈ 32–39 k€ de 2025)'."""
    text = f"{salary(s)} brut/an en {study_year(s, euros)}"
    if euros is not None:
        text += f" ({today(euros.convert(s.min_keur, s.max_keur, s.year))})"
    return text


def euros_explained(euros: Euros) -> str:
    """What « ≈ … de 2025 » means, in one sentence, with the date its price table was checked."""
    from iae_cli.render.later_views import date_fr

    checked = date_fr(euros.prices.source.date)
    return (
        f"« ≈ … de {euros.year} » : le salaire de 2008 corrigé de la hausse des prix (indice INSEE, "
        f"vérifié au {checked}), pas un salaire observé aujourd'hui."
    )


def euros_note(euros: Euros | None) -> str:
    """The discreet line under every list of pay: where the facts and the conversion come from."""
    text = "Métiers, exigences et salaires : étude Apec de 2008."
    return text if euros is None else f"{text} {euros_explained(euros)}"
