"""Options shared by several commands, declared once, and their checks (French messages)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from iae_cli.errors import OutOfRange, UsageError
from iae_cli.match import MAX_BAC, MAX_YEARS, check_profile

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog
    from iae_cli.diplomas import Diploma
    from iae_cli.money import Euros
    from iae_cli.orient import Choice

FORMAT_HELP = "Format de sortie : {choices}."


def format_option(*choices: str) -> Any:
    return typer.Option(
        "table", "--format", "-f", help=FORMAT_HELP.format(choices=", ".join(choices)), metavar="FORMAT"
    )


def check_format(value: str, *choices: str) -> str:
    if value not in choices:
        raise UsageError(f"format « {value} » non proposé ici ; formats possibles : {', '.join(choices)}")
    return value


def level_option() -> Any:
    return typer.Option(
        None,
        "--level",
        "-l",
        help="Ne garder qu'un niveau : direction-generale, encadrement-intermediaire, encadrement-proximite.",
        metavar="NIVEAU",
    )


def check_level(value: str | None) -> str | None:
    if value is None:
        return None
    from iae_cli.lookup import fold
    from iae_cli.model import LEVEL_LABELS

    folded = fold(value)
    for level, label in LEVEL_LABELS.items():
        if folded in (level, fold(label)) or (folded and level.startswith(folded) and len(folded) >= 5):
            return level
    raise UsageError(f"niveau « {value[:60]} » inconnu ; niveaux possibles : {', '.join(LEVEL_LABELS)}")


def bac_option(required: bool = True) -> Any:
    """`--bac N`: read as text so that every refusal is ours, in French."""
    help_text = "Diplôme le plus élevé : bac+N, de 0 (bac) à 8 (doctorat), ou son nom (licence, master, DEFA, DEES…)."
    if not required:
        help_text += " Avec --years, marque les étapes déjà accessibles."
    return typer.Option(... if required else None, "--bac", help=help_text, metavar="N", show_default=False)


DOMAIN_HELP = (
    "Domaine de l'expérience : action-sociale, ess, insertion, finance, creation-entreprise, gestion-rh, "
    "direction, autre. Une expérience hors du domaine qu'une fiche demande compte moins."
)


def domain_option() -> Any:
    return typer.Option(None, "--domaine", help=DOMAIN_HELP, metavar="DOMAINE", show_default=False)


def parse_domain(value: str | None) -> Choice | None:
    """`--domaine`: a domain of experience by key, number or words (orient.DOMAINS)."""
    if value is None:
        return None
    from iae_cli.orient import DOMAINS, parse_choice

    found = parse_choice(value, DOMAINS)
    if found is None:
        raise UsageError(f"--domaine : « {value[:40]} » inconnu ; choix possibles : {', '.join(DOMAINS)}")
    return found


def years_option(required: bool = True) -> Any:
    help_text = "Années d'expérience professionnelle (décimales permises)."
    if not required:
        help_text += " Avec --bac."
    return typer.Option(... if required else None, "--years", help=help_text, metavar="ANS", show_default=False)


def _is_whole_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts « ² » or « ① », which int() refuses."""
    return text.isascii() and text.isdigit()


def parse_diploma_option(text: str, option: str = "--bac") -> Diploma:
    """A highest diploma given as a level (« 5 », « bac+3 ») or a name (« master », « DEES »…)."""
    from iae_cli.diplomas import EXAMPLES, Diploma, parse_diploma

    cleaned = text.strip().lower().removeprefix("bac").removeprefix("+").strip()
    if _is_whole_number(cleaned):
        value = parse_bac(cleaned, option) or 0
        return Diploma(value, "baccalauréat" if value == 0 else f"bac+{value}")
    found = parse_diploma(text)
    if found is None:
        raise UsageError(
            f"{option} attend un niveau de 0 (baccalauréat) à 8 (doctorat) ou un diplôme, par exemple : "
            f"{EXAMPLES} ; reçu : « {text[:40]} »"
        )
    return found


def parse_bac(text: str | None, option: str = "--bac") -> int | None:
    if text is None:
        return None
    cleaned = text.strip().lower().removeprefix("bac").removeprefix("+")
    if not _is_whole_number(cleaned):
        return parse_diploma_option(text, option).bac
    value = int(cleaned)
    try:
        check_profile(value, None)
    except OutOfRange:
        raise UsageError(
            f"{option} doit être entre 0 (baccalauréat) et {MAX_BAC} (doctorat) ; reçu : {value}"
        ) from None
    return value


def parse_years(text: str | None, option: str = "--years") -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise UsageError(
            f"{option} attend un nombre d'années, par exemple {option} 3 ou {option} 1,5 ; reçu : « {text[:40]} »"
        ) from None
    try:
        check_profile(None, value)
    except OutOfRange:
        message = f"{option} doit être un nombre d'années entre 0 et {MAX_YEARS:g} ; reçu : « {text[:40]} »"
        raise UsageError(message) from None
    return value


def parse_count(text: str | None, option: str) -> int | None:
    if text is None:
        return None
    if not _is_whole_number(text.strip()) or not 1 <= int(text) <= 1000:
        raise UsageError(f"{option} attend un nombre entier entre 1 et 1000 ; reçu : « {text[:40]} »")
    return int(text)


def euros_option() -> Any:
    """`--euros ANNÉE`: the year whose euros express the study's 2008 pay (default: the latest known)."""
    return typer.Option(
        None,
        "--euros",
        help="Année des euros où exprimer les salaires de 2008 (une année de la table des prix ; "
        "par défaut, la plus récente).",
        metavar="ANNÉE",
        show_default=False,
    )


def euros_for(catalog: Catalog, text: str | None) -> Euros | None:
    """The conversion to show, from `--euros` and the folder's price table (None: the folder has none)."""
    from iae_cli.money import Euros

    year = parse_year(text)
    prices = catalog.prices()
    if prices is None:
        if year is not None:
            raise UsageError("--euros : ce dossier de données n'a pas de table des prix (prix.yaml)")
        return None
    try:
        return Euros(prices, prices.check_year(year))
    except OutOfRange as error:
        raise UsageError(f"--euros : {error.message}") from None


def parse_year(text: str | None) -> int | None:
    """The value of `--euros`: a year written in digits; UsageError otherwise."""
    if text is None:
        return None
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit() and len(cleaned) == 4):
        raise UsageError(f"--euros attend une année sur quatre chiffres (par exemple 2020) ; reçu : « {text[:20]} »")
    return int(cleaned)
