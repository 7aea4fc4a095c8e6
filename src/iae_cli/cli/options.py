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

FORMAT_HELP = "Format de sortie : {choices} (par défaut : table)."
# Other names people type for a format, after folding the case.
FORMAT_ALIASES = {"md": "markdown", "yml": "yaml", "texte": "table", "text": "table"}


def format_option(*choices: str) -> Any:
    def complete(incomplete: str) -> list[str]:
        return [c for c in choices if c.startswith(incomplete.lower())]

    return typer.Option(
        "table",
        "--format",
        "-f",
        help=FORMAT_HELP.format(choices=", ".join(choices)),
        metavar="FORMAT",
        show_default=False,
        autocompletion=complete,
    )


def check_format(value: str, *choices: str) -> str:
    """The format asked for, whatever its case (`JSON`), or by another name (`md`, `yml`)."""
    wanted = value.strip().lower()
    wanted = FORMAT_ALIASES.get(wanted, wanted)
    if wanted not in choices:
        raise UsageError(f"format « {value[:40]} » non proposé ici ; formats possibles : {', '.join(choices)}")
    return wanted


def level_option() -> Any:
    from iae_cli.cli.names import complete_level

    return typer.Option(
        None,
        "--level",
        "-l",
        help="Ne garder qu'un niveau : direction-generale, encadrement-intermediaire, encadrement-proximite "
        "(ou un mot : direction, intermediaire, proximite).",
        metavar="NIVEAU",
        show_default=False,
        autocompletion=complete_level,
    )


def check_level(value: str | None) -> str | None:
    """The level id `value` designates: an id, a label, a word or the start of one."""
    if value is None:
        return None
    from iae_cli.lookup import match_level
    from iae_cli.model import LEVEL_LABELS

    found = match_level(value, LEVEL_LABELS)
    if len(found) == 1:
        return found[0]
    shown = value[:60]
    if found:
        raise UsageError(f"niveau « {shown} » ambigu ; il peut désigner {' ou '.join(found)} : précisez")
    raise UsageError(f"niveau « {shown} » inconnu ; niveaux possibles : {', '.join(LEVEL_LABELS)}")


def bac_option(required: bool = True) -> Any:
    """`--bac N`: read as text so that every refusal is ours, in French (and checked by us when required)."""
    from iae_cli.cli.names import complete_bac

    help_text = "Diplôme le plus élevé, en bac+N de 0 (bac) à 8 (doctorat), ou son nom : licence, master, BTS…"
    help_text += " Obligatoire." if required else " Avec --years, marque les étapes déjà accessibles."
    return typer.Option(None, "--bac", help=help_text, metavar="N", show_default=False, autocompletion=complete_bac)


DOMAIN_HELP = (
    "Domaine de l'expérience : action-sociale, ess, insertion, finance, creation-entreprise, gestion-rh, "
    "direction, autre. Une expérience hors du domaine qu'une fiche demande n'y compte pas."
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
    help_text = "Années d'expérience professionnelle (décimales permises : 1,5)."
    help_text += " Obligatoire." if required else " Avec --bac."
    return typer.Option(None, "--years", help=help_text, metavar="ANS", show_default=False)


def _is_whole_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts « ² » or « ① », which int() refuses."""
    return text.isascii() and text.isdigit()


def require(value: str | None, option: str, command: str) -> str:
    """A value the command cannot go without; Click is not told, so that the refusal is ours."""
    if value is None:
        raise UsageError(f"option manquante : {option} (aide : iae {command} --help)")
    return value


def parse_diploma_option(text: str, option: str = "--bac") -> Diploma:
    """A highest diploma given as a level (« 5 », « bac+3 ») or a name (« master », « DEES »…)."""
    from iae_cli.diplomas import EXAMPLES, Diploma, parse_diploma

    cleaned = text.strip().lower().removeprefix("bac").removeprefix("+").strip()
    if _is_whole_number(cleaned):
        value = parse_bac(cleaned, option) or 0
        return Diploma(value, "baccalauréat" if value == 0 else f"bac+{value}")
    refused = cleaned.startswith("-") or any(c.isdigit() and not c.isascii() for c in text)  # -1, « ² »
    found = None if refused else parse_diploma(text)
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


def require_argument(value: Any, metavar: str, command: str) -> Any:
    """An argument the command cannot go without (Click is not told: its refusal would be in English)."""
    if value is None:
        raise UsageError(f"argument manquant : {metavar} (aide : iae {command} --help)")
    return value


def parse_years(text: str | None, option: str = "--years") -> float | None:
    from iae_cli.diplomas import years_of

    if text is None:
        return None
    value = years_of(text)
    if value is None:
        raise UsageError(
            f"{option} attend un nombre d'années, par exemple {option} 3 ou {option} 1,5 ; reçu : « {text[:40]} »"
        )
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
