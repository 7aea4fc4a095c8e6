"""A highest diploma as a person says it: « bac+3 », « 5 », « master », « BTS », « DEFA », « éducateur
spécialisé »… → a level in bac+N, and for the sector's own diplomas, the family a fiche may accept
as an alternative (« DEFA », « travail social »).

Levels of the sector's diplomas are those of their time (the study's is 2008), with where they come
from: DEFA, recognised at niveau III (bac+2) by the animation sector's collective agreement
(instruction n° 95-084 of 31 March 1995, Jeunesse et Sports); the State social-work diplomas DEES,
DEASS and the CESF, niveau III (bac+2) until their reform in 2018 (grade de licence since); DEIS,
niveau I (bac+5) since it replaced the DSTS in 2006 (décret du 30 juin 2006, ASH n° 2475).
"""

import re
import unicodedata
from typing import NamedTuple

from iae_cli.french import fold

MAX_BAC = 8


class Diploma(NamedTuple):
    """A person's highest diploma: its level, and how to say it."""

    bac: int
    label: str
    family: str | None = None  # « DEFA », « travail social »: what a fiche's alternatives may name


# folded words or phrases -> (level, label, family). Longer names are tried first.
_NAMES: dict[str, tuple[int, str, str | None]] = {
    "sans diplome": (0, "sans diplôme du supérieur", None),
    "bac": (0, "baccalauréat", None),
    "baccalaureat": (0, "baccalauréat", None),
    "bts": (2, "BTS (bac+2)", None),
    "dut": (2, "DUT (bac+2)", None),
    "deug": (2, "DEUG (bac+2)", None),
    "licence": (3, "licence (bac+3)", None),
    "licence pro": (3, "licence professionnelle (bac+3)", None),
    "licence professionnelle": (3, "licence professionnelle (bac+3)", None),
    "but": (3, "BUT (bac+3)", None),
    "bachelor": (3, "bachelor (bac+3)", None),
    "maitrise": (4, "maîtrise (bac+4)", None),
    "master 1": (4, "master 1 (bac+4)", None),
    "m1": (4, "master 1 (bac+4)", None),
    "master": (5, "master (bac+5)", None),
    "master 2": (5, "master (bac+5)", None),
    "m2": (5, "master (bac+5)", None),
    "dess": (5, "DESS (bac+5)", None),
    "dea": (5, "DEA (bac+5)", None),
    "ecole de commerce": (5, "école de commerce (bac+5)", None),
    "ingenieur": (5, "diplôme d'ingénieur (bac+5)", None),
    "doctorat": (8, "doctorat (bac+8)", None),
    "these": (8, "doctorat (bac+8)", None),
    "defa": (2, "DEFA (bac+2)", "DEFA"),
    "dees": (2, "diplôme d'État d'éducateur spécialisé (bac+2)", "travail social"),
    "educateur specialise": (2, "diplôme d'État d'éducateur spécialisé (bac+2)", "travail social"),
    "deass": (2, "diplôme d'État d'assistant de service social (bac+2)", "travail social"),
    "assistant de service social": (2, "diplôme d'État d'assistant de service social (bac+2)", "travail social"),
    "assistante de service social": (2, "diplôme d'État d'assistant de service social (bac+2)", "travail social"),
    "cesf": (2, "diplôme de conseiller en économie sociale familiale (bac+2)", "travail social"),
    "conseiller en economie sociale familiale": (
        2,
        "diplôme de conseiller en économie sociale familiale (bac+2)",
        "travail social",
    ),
    "deis": (5, "diplôme d'État d'ingénierie sociale (bac+5)", "travail social"),
    "ingenierie sociale": (5, "diplôme d'État d'ingénierie sociale (bac+5)", "travail social"),
    "travail social": (2, "diplôme de travail social (bac+2 au moins)", "travail social"),
}
_NOISE = re.compile(r"\b(diplome|d'etat|d etat|de|d|du|un|une|mon|j'ai|j ai|niveau)\b")
_BAC_PLUS = re.compile(r"^(?:bac\s*)?\+?\s*([0-9]{1,2})$", re.ASCII)

EXAMPLES = "bac+3, 5, licence, master, BTS, doctorat, DEFA, DEES, DEASS, CESF, DEIS"


def _key(text: str) -> str:
    return " ".join(fold(text).replace("'", " ").replace("-", " ").replace("é", "e").split())


def parse_diploma(text: str) -> Diploma | None:
    """The diploma a text names, or None when it names none (or a level past bac+8)."""
    key = _key(text)
    if not key or any(c.isdigit() and not c.isascii() for c in text):  # « ² », « ５ »: not a level
        return None
    level = _BAC_PLUS.match(text.strip().lower())
    if level:
        value = int(level.group(1))
        return Diploma(value, "baccalauréat" if value == 0 else f"bac+{value}") if value <= MAX_BAC else None
    if key in _NAMES:
        return Diploma(*_NAMES[key])
    stripped = " ".join(_NOISE.sub(" ", key).split())
    if stripped in _NAMES:
        return Diploma(*_NAMES[stripped])
    for name in sorted(_NAMES, key=len, reverse=True):  # « master MIESS », « un DEES en 2001 »
        if len(name) >= 4 and re.search(rf"\b{re.escape(name)}\b", key):
            return Diploma(*_NAMES[name])
    return None


def accepts(alternatives: tuple[str, ...], diploma: Diploma) -> str | None:
    """The alternative of a fiche that a named diploma satisfies (« DEFA (…) », « Diplôme de travail
    social »), or None."""
    if diploma.family is None:
        return None
    family = _key(diploma.family)
    for alternative in alternatives:
        if re.search(rf"\b{re.escape(family)}\b", _key(alternative)):
            return alternative
    return None


# « 3 », « 1,5 », « deux », « 3 ans », « 2 années d'expérience », « aucune »
_YEARS = re.compile(r"(-?\d+(?:[.,]\d+)?|[a-z]+)(?:\s*(?:ans?|annees?)(?:\s+(?:d'\s*|de\s+)?experiences?)?)?")
_NUMBER_WORDS = {
    **dict.fromkeys(("zero", "aucune", "aucun"), 0),
    **dict.fromkeys(("un", "une"), 1),
    **{word: n for n, word in enumerate(("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"), 2)},
}


def years_of(text: str) -> float | None:
    """A number of years as a person writes it, on the command line or in orient's questions (« 3 »,
    « 1,5 », « deux », « 3 ans », « 2 années d'expérience », « aucune »), or None.

    A value out of range (-3, 70) is returned as it is: match.check_profile refuses it.
    """
    key = " ".join(unicodedata.normalize("NFD", text.casefold().replace("’", "'")).split())
    key = "".join(c for c in key if not unicodedata.combining(c))  # « années » -> « annees »; « ² » stays
    found = _YEARS.fullmatch(key) if key.isascii() else None
    if found is None:
        return None
    number = found.group(1)
    if number[-1].isalpha():
        return float(_NUMBER_WORDS[number]) if number in _NUMBER_WORDS else None
    return float(number.replace(",", "."))
