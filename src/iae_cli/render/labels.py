"""French wording of figures: diplomas, years, pay, links."""

from __future__ import annotations

from iae_cli.model import BAND_LABELS, Diploma, Experience, Salary


def number(value: float) -> str:
    """French figures: 1.5 -> '1,5'; 3.0 -> '3'; 17000 -> '17 000' (no-break space)."""
    if value == int(value) and abs(value) >= 10000:
        return f"{int(value):,}".replace(",", "\u00a0")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def years(value: float) -> str:
    return f"{number(value)} an" if value < 2 else f"{number(value)} ans"


def bac(level: int) -> str:
    return "bac" if level == 0 else f"bac+{level}"


def diploma(d: Diploma) -> str:
    text = bac(d.min_bac)
    if d.max_bac is not None and d.max_bac != d.min_bac:
        text += f" à {d.max_bac}"
    return text


def experience(e: Experience) -> str:
    if e.min_years == 0 and e.max_years is None:
        return "débutant accepté"
    if e.max_years is None:
        return f"{years(e.min_years)} et plus"
    return f"{number(e.min_years)} à {years(e.max_years)}"


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
    return (
        f"le tableau de synthèse de l'étude (p. {e.table.pages}) l'ouvre dès {years(e.table.min_years)}, "
        f"dans la tranche des {BAND_LABELS[e.table.band]} ; la fiche, qui fait foi, demande {experience(e)}"
    )


LINK_LABELS = {"stated": "cité par l'étude", "inferred": "déduit"}
