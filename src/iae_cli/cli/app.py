"""The `iae` application: global options, command registry, and the one error edge."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
import typer.core

from iae_cli import __version__
from iae_cli.cli import i18n, output
from iae_cli.errors import EXIT_USAGE, IaeError, UsageError

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog


class IaeCommand(typer.core.TyperCommand):
    """One command, with a French help page that ends with real examples."""

    context_class = i18n.FrenchContext
    examples: tuple[str, ...] = ()

    def get_help_option(self, ctx: Any) -> Any:
        return i18n.french_help_option(super().get_help_option(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return i18n.usage_pieces(self, ctx)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        i18n.format_params(self, ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        i18n.format_examples(self.examples, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.allow_extra_args = True  # extra words are refused here, in French
        rest: list[str] = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            extra = " ".join(ctx.args)
            raise UsageError(f"argument(s) en trop : {extra[:80]} (aide : iae {self.name} --help)")
        return rest


class IaeGroup(typer.core.TyperGroup):
    """Runs a command and turns every expected failure into French on stderr and an exit code."""

    context_class = i18n.FrenchContext

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        code = 0
        argv = data_first(list(sys.argv[1:] if args is None else args))
        try:
            result = super().main(
                args=argv,
                prog_name=prog_name or "iae",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            code = result if isinstance(result, int) else 0
        except IaeError as error:
            code = _fail(error.message, error.exit_code)
        except i18n.NoArgsIsHelpError as error:  # `iae` alone: the help, as asked for
            help_ctx: Any = getattr(error, "ctx", None)
            sys.stdout.write(help_ctx.get_help() + "\n" if help_ctx is not None else "")
            code = 0
        except i18n.ClickUsageError as error:
            error_ctx: Any = getattr(error, "ctx", None)
            command = _command_in(argv)
            if error_ctx is not None and error_ctx.info_name in COMMANDS:
                command = error_ctx.info_name
            hint = f"iae {command} --help" if command else "iae --help"
            parsed = self.get_command(error_ctx, command) if command else self
            code = _fail(f"{i18n.usage_error_message(error, parsed)} (aide : {hint})", EXIT_USAGE)
        except typer.Abort:
            code = _fail("interrompu", 130)
        except BrokenPipeError:
            sys.stderr.close()
            code = 1
        if standalone_mode:
            sys.exit(code)
        return code

    def get_help_option(self, ctx: Any) -> Any:
        return i18n.french_help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        i18n.translate_params(params)
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*i18n.usage_pieces(self, ctx), i18n.SUBCOMMAND_METAVAR]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        i18n.format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        i18n.format_examples(EXAMPLES, formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            raise UsageError(unknown_command(name))
        return super().resolve_command(ctx, args)

    # Commands are imported only when used: `iae list` never loads the code of `iae path`.
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module_name, help_text = COMMANDS[cmd_name]
        module = importlib.import_module(f"iae_cli.cli.commands.{module_name}")
        single = typer.Typer(rich_markup_mode=None, context_settings=CONTEXT_SETTINGS, add_completion=False)
        single.command(cmd_name, help=help_text, cls=IaeCommand)(module.run)
        command: IaeCommand = typer.main.get_command(single)  # type: ignore[assignment]
        command.examples = tuple(getattr(module, "EXAMPLES", ()))
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of `iae --help`, from the registry alone."""
        with formatter.section(i18n.COMMANDS_TITLE):
            formatter.write_dl([(name, help_text) for name, (_module, help_text) in COMMANDS.items()])


def unknown_command(name: str) -> str:
    """« commande inconnue », with the closest commands when some are close."""
    import difflib

    from iae_cli.render.document import clean

    shown = clean(name[:40])
    close = difflib.get_close_matches(name.lower(), list(COMMANDS), n=3, cutoff=0.5)
    close += [c for c in COMMANDS if name and c.startswith(name.lower()) and c not in close]
    if close:
        return f"commande inconnue : « {shown} » ; vouliez-vous dire {' ou '.join(close[:3])} ?"
    return f"commande inconnue : « {shown} » ; commandes : {', '.join(COMMANDS)} (voir « iae help »)"


def data_first(argv: list[str]) -> list[str]:
    """`--data DIR` may follow the command (`iae list --data DIR`): move it before it,
    where the group reads it. Nothing after `--` moves."""
    command_at = _command_index(argv)
    if command_at is None:
        return argv
    head, tail, moved = argv[: command_at + 1], argv[command_at + 1 :], []
    kept: list[str] = []
    index = 0
    while index < len(tail):
        word = tail[index]
        if word == "--":
            kept.extend(tail[index:])
            break
        if word == "--data" and index + 1 < len(tail):
            moved += tail[index : index + 2]
            index += 2
            continue
        if word.startswith("--data="):
            moved.append(word)
        else:
            kept.append(word)
        index += 1
    return [*head[:command_at], *moved, *head[command_at:], *kept]


def _command_index(argv: list[str]) -> int | None:
    """Where the command is on a command line (the value of --data is not one)."""
    after_data = False
    for index, word in enumerate(argv):
        if word == "--":
            return None
        if word in COMMANDS and not after_data:
            return index
        after_data = word == "--data"
    return None


def _command_in(argv: list[str]) -> str | None:
    index = _command_index(argv)
    return None if index is None else argv[index]


def _fail(text: str, exit_code: int) -> int:
    from iae_cli.render.document import clean

    sys.stdout.flush()
    sys.stderr.write(output.error_text(f"iae : {clean(text)}"))
    return exit_code


class State:
    """What the global options chose, shared by every command through the context."""

    def __init__(self, data: str | None) -> None:
        if data is not None and not data.strip():
            raise UsageError("--data attend un dossier ; reçu : une chaîne vide")
        self.data_option = data
        self._catalog: Catalog | None = None

    @property
    def data_dir(self) -> Path:
        from iae_cli.paths import resolve_data_dir

        return resolve_data_dir(self.data_option)

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from iae_cli.catalog import Catalog

            self._catalog = Catalog.open(self.data_dir)
        return self._catalog


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State(None)
    return root.obj


# name -> (module in iae_cli.cli.commands, help shown by `iae --help` and `iae NAME --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("listing", "Liste les sept métiers cadres (niveau, diplôme, expérience, salaire), ou les autres postes."),
    "show": ("show", "Affiche une fiche métier complète, une de ses sections, ou un autre poste cité par l'étude."),
    "match": (
        "match",
        "Les postes accessibles avec un diplôme et une expérience donnés, et ce qui manque pour les autres.",
    ),
    "path": ("path", "Le parcours le plus court d'un poste à un autre, ou la carte des évolutions depuis un poste."),
    "sector": ("sector", "Le secteur de l'IAE : structures, réseaux, chiffres, contrat, tendances, formations."),
    "graph": ("graph", "La carte des évolutions de carrière entre tous les postes, en image SVG (ou Mermaid, DOT)."),
    "site": ("site", "Écrit tout le contenu en site HTML hors ligne (pages liées, carte) dans un dossier."),
    "glossary": ("glossary", "Les sigles de l'étude, ou ceux qui correspondent à une recherche."),
    "compare": ("compare", "Compare deux postes et montre ce qu'il faut acquérir pour passer de l'un à l'autre."),
    "orient": (
        "orient",
        "Quelques questions (diplôme, expérience, envie), puis les postes ouverts et ce qui manque pour les autres.",
    ),
    "search": (
        "search",
        "Cherche des mots dans les fiches, les postes, le secteur et les sigles (accents et pluriels ignorés).",
    ),
    "validate": ("validate", "Vérifie un dossier de données et liste tous ses problèmes."),
    "help": ("help", "Affiche l'aide de iae, ou celle d'une commande."),
}
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
# Shown at the end of `iae --help`; each command module has its own EXAMPLES (tests run them all).
EXAMPLES = (
    "iae list",
    "iae match --bac licence --years 2",
    "iae help show",
)

app = typer.Typer(
    cls=IaeGroup,
    name="iae",
    help="Les emplois cadres de l'insertion par l'activité économique (étude Apec 2008) : "
    "fiches métiers, secteur, accès selon diplôme et expérience, parcours de carrière.",
    no_args_is_help=True,
    invoke_without_command=True,  # so that `iae --data DIR` alone is refused in French, below
    options_metavar="[OPTIONS]",
    subcommand_metavar=i18n.SUBCOMMAND_METAVAR,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT_SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"iae {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: str | None = typer.Option(
        None,
        "--data",
        help="Dossier de données à utiliser (sinon $IAE_DATA, sinon les données fournies).",
        metavar="DOSSIER",
        show_default=False,
    ),
    version: bool = typer.Option(
        False, "--version", "-V", help="Affiche la version et quitte.", callback=_version, is_eager=True
    ),
    color: str = typer.Option("auto", "--color", help=output.COLOR_HELP, metavar="QUAND", show_default=False),
) -> None:
    """Les emplois cadres de l'IAE, d'après l'étude Apec 2008."""
    output.set_color(color)
    ctx.obj = State(data)
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        raise UsageError(f"commande manquante ; commandes : {', '.join(COMMANDS)} (voir « iae help »)")


def main() -> None:
    """Console-script entry point."""
    # One short run per process, building many small objects and no cycles worth collecting:
    # the cyclic GC only costs time here (about 30 ms on 5,000 fiches, measured with bench/).
    import gc

    gc.disable()
    try:
        typer.main.get_command(app).main(prog_name="iae")
    except SystemExit as done:
        leave(done.code)
    leave(0)


def _observed() -> bool:
    """Whether a tracer, a profiler or coverage watches this run: their atexit handlers must run."""
    return sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules


def leave(status: object) -> NoReturn:
    """Flush what was written, then end the process, without tearing the interpreter down
    unless something watches the run.

    Freeing every object of a run one by one is pure waste for a process that ends here
    (about 40 ms after `iae list` on 5,000 fiches, measured with bench/run.py). Everything
    that matters is already done: files are closed, the cache is renamed into place, and
    no atexit handler of ours exists. Under coverage, a tracer or a profiler, the process
    exits normally so that their atexit handlers write what they recorded. A reader that
    went away early gets exit code 1 and no traceback, like the error edge above.
    """
    if status is None:
        code = 0
    elif isinstance(status, int):
        code = status
    else:  # sys.exit("message"): Python prints it and exits with 1
        sys.stderr.write(f"{status}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone (BrokenPipeError) or a stream closed above
            code = code or 1
    if _observed():
        sys.exit(code)
    os._exit(code)
