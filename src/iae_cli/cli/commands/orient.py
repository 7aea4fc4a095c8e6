"""`iae orient`: a guided session at the terminal (one question at a time), or the same as flags."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.options import check_format, domain_option, euros_for, euros_option, format_option, parse_domain
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import IaeError, UsageError

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog
    from iae_cli.diplomas import Diploma
    from iae_cli.orient import Choice

EXAMPLES = (
    "iae orient   (questions une à une, dans un terminal)",
    "iae orient --bac master --years 2 --domaine action-sociale --envie accompagner",
    "iae orient --bac DEES --years 4 --domaine insertion --envie diriger --poste travailleur-social",
    "iae orient --bac 3 --years 0 --envie accompagner -f markdown > orientation.md",
)
FORMATS = ("table", "json", "markdown", "html")
Answer = TypeVar("Answer")

DIPLOMA_QUESTION = "Quel est votre diplôme le plus élevé ?"
DIPLOMA_HELP = (
    "Un niveau (0 = bac, 2 = bac+2, 3, 4, 5, 8 = doctorat) ou un nom : BTS, licence, master, DEFA, DEES, CESF…"
)
YEARS_QUESTION = "Combien d'années d'expérience professionnelle avez-vous ?"
YEARS_HELP = "Un nombre, par exemple 2 ou 1,5 (0 si vous débutez)."
DOMAIN_QUESTION = "Dans quel domaine surtout ?"
WISH_QUESTION = "Que voulez-vous faire ?"
CURRENT_QUESTION = "Où travaillez-vous aujourd'hui ? (facultatif)"
CURRENT_HELP = "Un poste de l'étude, par exemple « chargé d'insertion » ou « travailleur social » ; Entrée pour passer."


class Session:
    """Questions on stderr (stdout keeps only the result), answers from stdin, one line each.
    End of input raises EOFError and Ctrl-C KeyboardInterrupt: the error edge exits with 130."""

    def __init__(self, read: Callable[[], str], write: Callable[[str], object]) -> None:
        self.read, self.write = read, write

    def ask(self, question: str, help_text: str, parse: Callable[[str], Answer | None]) -> Answer:
        from iae_cli.render.document import clean

        self.write(f"\n{question}\n{help_text}\n> ")
        while True:
            line = self.read()
            if not line:
                raise EOFError
            answer = parse(line.strip())
            if answer is not None:
                return answer
            shown = clean(" ".join(line.split())[:60])
            self.write(f"Je n'ai pas compris « {shown} ». {question}\n{help_text}\n> ")


def _listed(choices: dict[str, Choice]) -> str:
    return "\n".join(f"  {n}. {c.label}" for n, c in enumerate(choices.values(), 1)) + "\nUn numéro ou un mot."


def _choice(value: str, choices: dict[str, Choice], option: str) -> Choice:
    from iae_cli.orient import parse_choice

    found = parse_choice(value, choices)
    if found is None:
        raise UsageError(f"{option} : « {value[:40]} » inconnu ; choix possibles : {', '.join(choices)}")
    return found


def _diploma(value: str) -> Diploma:
    from iae_cli.diplomas import EXAMPLES, parse_diploma

    found = parse_diploma(value)
    if found is None:
        raise UsageError(f"--bac : diplôme « {value[:40]} » non reconnu ; par exemple : {EXAMPLES}")
    return found


def _years(value: str) -> float:
    from iae_cli.orient import parse_years

    found = parse_years(value)
    if found is None:
        raise UsageError(
            f"--years attend un nombre d'années entre 0 et 60, par exemple 2 ou 1,5 ; reçu : « {value[:40]} »"
        )
    return found


def _current(catalog: Catalog) -> Callable[[str], str | None]:
    from iae_cli.cli.names import resolve_role

    def parse(text: str) -> str | None:
        if not text:
            return ""
        try:
            return resolve_role(catalog, text)
        except IaeError:
            return None

    return parse


def run(
    ctx: typer.Context,
    bac: str | None = typer.Option(
        None,
        "--bac",
        help="Diplôme le plus élevé : niveau (0 à 8) ou nom (licence, master, DEFA, DEES…).",
        metavar="DIPLÔME",
    ),
    years: str | None = typer.Option(None, "--years", help="Années d'expérience professionnelle.", metavar="ANS"),
    domain: str | None = domain_option(),
    wish: str | None = typer.Option(
        None,
        "--envie",
        help="Ce que vous voulez faire : accompagner, diriger, developper, gerer, financer.",
        metavar="ENVIE",
    ),
    current: str | None = typer.Option(
        None, "--poste", help="Votre poste actuel (fiche ou poste cité).", metavar="POSTE"
    ),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.orient import WISHES, Person, orient, wish_scores

    check_format(fmt, *FORMATS)
    diploma = _diploma(bac) if bac is not None else None
    years_value = _years(years) if years is not None else None
    domain_choice = parse_domain(domain)
    wish_choice = _choice(wish, WISHES, "--envie") if wish is not None else None
    catalog = state(ctx).catalog()
    current_id = _current(catalog)(current) if current is not None else None
    if current is not None and current_id is None:
        from iae_cli.cli.names import resolve_role

        resolve_role(catalog, current)  # raises the lookup's own message (unknown or ambiguous)
    wanted = [("--bac", diploma), ("--years", years_value), ("--domaine", domain_choice), ("--envie", wish_choice)]
    missing = [flag for flag, value in wanted if value is None and not (flag == "--domaine" and years_value == 0)]
    if missing:
        if not sys.stdin.isatty():
            raise UsageError(
                "hors d'un terminal, iae orient ne pose pas de questions : donnez "
                + ", ".join(missing)
                + " (par exemple : iae orient --bac master --years 2 --domaine action-sociale --envie accompagner)"
            )
        try:
            diploma, years_value, domain_choice, wish_choice, current_id = _ask(
                Session(sys.stdin.readline, sys.stderr.write),
                catalog,
                diploma,
                years_value,
                domain_choice,
                wish_choice,
                current_id if current is not None else "",
            )
        except KeyboardInterrupt:  # Ctrl-C: the same clean stop as the end of input (exit 130)
            sys.stderr.write("\n")
            raise typer.Abort() from None
    assert diploma is not None and years_value is not None and wish_choice is not None
    person = Person(diploma, years_value, domain_choice if years_value else None, wish_choice, current_id)
    graph = catalog.graph()
    result = orient(
        person,
        catalog.requirements(),
        catalog.summaries_at,
        wish_scores(catalog.search_index(), wish_choice),
        graph,
        catalog.sector().get("training", ()),
    )
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.orientation(result, graph), fmt)
        return
    from iae_cli.render.orient_views import orient_pages, orient_view

    conversion = euros_for(catalog, euros)
    if fmt in HANDOUT_FORMATS:  # a document to hand over, with the 2008 line, acronyms and sources
        view = orient_view(result, graph, catalog.title_of, euros=conversion, document=True, details=details)
        emit_handout(catalog, view, orient_pages(result, graph), fmt)
        return
    emit_document(orient_view(result, graph, catalog.title_of, euros=conversion))


def _ask(
    session: Session,
    catalog: Catalog,
    diploma: Diploma | None,
    years: float | None,
    domain: Choice | None,
    wish: Choice | None,
    current: str | None,
) -> tuple[Diploma, float, Choice | None, Choice, str | None]:
    """Ask what the flags did not give, one question at a time; `current` "" means « ask »."""
    from iae_cli.orient import DOMAINS, WISHES

    diploma = diploma or session.ask(DIPLOMA_QUESTION, DIPLOMA_HELP, _parse_diploma)
    if years is None:
        years = session.ask(YEARS_QUESTION, YEARS_HELP, _parse_years)
    if years and domain is None:
        domain = session.ask(DOMAIN_QUESTION, _listed(DOMAINS), _parser(DOMAINS))
    wish = wish or session.ask(WISH_QUESTION, _listed(WISHES), _parser(WISHES))
    if current == "":
        current = session.ask(CURRENT_QUESTION, CURRENT_HELP, _current(catalog)) or None
    session.write("\n")
    return diploma, years, domain, wish, current


def _parse_diploma(text: str) -> Diploma | None:
    from iae_cli.diplomas import parse_diploma

    return parse_diploma(text)


def _parse_years(text: str) -> float | None:
    from iae_cli.orient import parse_years

    return parse_years(text)


def _parser(choices: dict[str, Choice]) -> Callable[[str], Choice | None]:
    from iae_cli.orient import parse_choice

    return lambda text: parse_choice(text, choices)
