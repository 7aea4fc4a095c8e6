"""`iae orient`: a guided session at the terminal (one question at a time), or the same as flags."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.options import (
    check_format,
    domain_option,
    euros_for,
    euros_option,
    format_option,
    parse_diploma_option,
    parse_domain,
    parse_years,
)
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


class Unclear(Exception):
    """An answer the question could not take, with what to tell the person (close choices…)."""

    def __init__(self, help_text: str) -> None:
        super().__init__(help_text)
        self.help_text = help_text


class Session:
    """Questions on stderr (stdout keeps only the result), answers from stdin, one line each.
    End of input raises EOFError and Ctrl-C KeyboardInterrupt: the error edge exits with 130.
    Text is wrapped between words to `width` (the terminal's; None: as it is)."""

    def __init__(self, read: Callable[[], str], write: Callable[[str], object], width: int | None = None) -> None:
        self.read, self.write, self.width = read, write, width

    def _say(self, text: str) -> None:
        if self.width is not None:
            from iae_cli.render.lines import wrap

            lines = []
            for part in text.split("\n"):  # a listed choice (« 2. … ») keeps its indent, and its text
                indent = part[: len(part) - len(part.lstrip())]
                rest = indent + " " * (part.find(". ") + 2 - len(indent)) if indent and ". " in part else indent
                lines += wrap(part.strip(), self.width, indent, rest) or [""]
            text = "\n".join(lines)
        self.write(text + "\n> ")

    def ask(self, question: str, help_text: str, parse: Callable[[str], Answer | None]) -> Answer:
        """Ask until an answer is understood; `parse` gives None, or raises Unclear with better help."""
        from iae_cli.render.document import clean

        self._say(f"\n{question}\n{help_text}")
        while True:
            line = self.read()
            if not line:
                raise EOFError
            try:
                answer = parse(line.strip())
            except Unclear as unclear:
                answer, hint = None, unclear.help_text
            else:
                hint = f"{question}\n{help_text}"
            if answer is not None:
                return answer
            shown = clean(" ".join(line.split())[:60])
            self._say(f"Je n'ai pas compris « {shown} ». {hint}")


def _listed(choices: dict[str, Choice]) -> str:
    return "\n".join(f"  {n}. {c.label}" for n, c in enumerate(choices.values(), 1)) + "\nUn numéro ou un mot."


def _choice(value: str, choices: dict[str, Choice], option: str) -> Choice:
    from iae_cli.orient import parse_choice

    found = parse_choice(value, choices)
    if found is None:
        raise UsageError(f"{option} : « {value[:40]} » inconnu ; choix possibles : {', '.join(choices)}")
    return found


def _current(catalog: Catalog) -> Callable[[str], str | None]:
    """The current post from an answer: a name (feminine titles too), or the number of a post the
    previous answer came close to (they are offered, with their titles)."""
    from iae_cli.cli.names import resolve_role
    from iae_cli.errors import UnknownNameError

    offered: list[str] = []

    def parse(text: str) -> str | None:
        if not text:
            return ""
        if offered and text.isdigit() and 1 <= int(text) <= len(offered):
            return offered[int(text) - 1]
        try:
            return resolve_role(catalog, text)
        except UnknownNameError as error:
            if not error.close:
                raise Unclear(f"{CURRENT_QUESTION}\n{CURRENT_HELP}") from None
            offered[:] = error.close
            listed = "\n".join(f"  {n}. {catalog.title_of(i)}" for n, i in enumerate(offered, 1))
            raise Unclear(f"Postes proches :\n{listed}\nUn numéro, un autre nom, ou Entrée pour passer.") from None
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
    diploma = parse_diploma_option(bac) if bac is not None else None  # match's parser, as --years
    years_value = parse_years(years)  # match's parser: one reading of « 2 », « 1,5 », « deux ans »
    domain_choice = parse_domain(domain)
    wish_choice = _choice(wish, WISHES, "--envie") if wish is not None else None
    catalog = state(ctx).catalog()
    if current is not None and current.strip():  # « --poste "" »: no current post, as Entrée in the questions
        from iae_cli.cli.names import resolve_role

        current_id: str | None = resolve_role(catalog, current)  # unknown or ambiguous: the lookup's message
    else:
        current_id = None
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
                Session(sys.stdin.readline, sys.stderr.write, _stderr_width()),
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
    facts = catalog.later()  # what became of the training's university (Marne-la-Vallée, 2020)
    later = facts.named_in(t.name for t in result.training) if facts is not None else ()
    as_of = facts.latest_date() if facts is not None else None
    emit_document(orient_view(result, graph, catalog.title_of, euros=conversion, later=later, later_as_of=as_of))


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


def _stderr_width() -> int | None:
    """The width of the terminal that shows the questions, less its last column (None: not a terminal)."""
    import os

    try:
        columns = os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return None
    return max(20, columns) - 1 if columns else None  # 0: a terminal that does not say its size
