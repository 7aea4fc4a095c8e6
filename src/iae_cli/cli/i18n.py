"""French for what Typer and Click write themselves: help pages, the help option, usage errors.

Only public hooks are used, so that every Typer version allowed by pyproject.toml works:
Typer 0.24-0.25 run on the `click` package, 0.26-0.27 on a copy of Click of their own, and
neither is named here. Click's classes are reached through what Typer exports (`typer.Context`,
`typer.BadParameter`), and nothing of Typer or Click is patched:

- help pages: our command classes use `FrenchContext`, whose formatter writes the usage prefix
  and the section headings in French; they write the option lists and sections themselves;
- the help option and the completion options: their public attributes, set on our commands;
- usage errors: French by exception class and attributes, never by their English text;
  the errors Click only words in English (unknown command, extra arguments, missing command)
  are refused by our own code before Click meets them.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import typer

NBSP = "\N{NO-BREAK SPACE}"
USAGE_PREFIX = f"Utilisation{NBSP}: "
HELP_TEXT = "Affiche cette aide et quitte."
COMMANDS_TITLE = "Commandes"
ARGUMENTS_TITLE = "Arguments"
OPTIONS_TITLE = "Options"
EXAMPLES_TITLE = "Exemples"
MIN_ROOM = 24  # columns: help text narrower than this reads as a list of words, not sentences
SUBCOMMAND_METAVAR = "COMMANDE [ARGUMENTS]..."

# Click's exceptions, from the module that defines typer.BadParameter: the `click` package or
# Typer's own copy of it, whichever this Typer uses.
click_exceptions: Any = importlib.import_module(typer.BadParameter.__module__)
ClickUsageError: type[Exception] = click_exceptions.UsageError
NoArgsIsHelpError: type[Exception] = click_exceptions.NoArgsIsHelpError

_BaseFormatter: Any = typer.Context.formatter_class


class FrenchHelpFormatter(_BaseFormatter):  # type: ignore[misc]
    """Click's help formatter with a French usage prefix and French typography in headings."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        if width is None:  # Click never goes below 50 columns: too wide for a narrow terminal
            import shutil

            width = max(20, min(shutil.get_terminal_size().columns, max_width or 80) - 2)
        super().__init__(indent_increment, width, max_width)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """« Utilisation : iae path [OPTIONS] DÉPART [ARRIVÉE] », wrapped by `render.lines`: the
        arguments that do not fit go below, under the first one when that leaves them room
        (Click would move them all to a line of their own, far to the right)."""
        from iae_cli.render.lines import wrap

        first = f"{' ' * self.current_indent}{USAGE_PREFIX if prefix is None else prefix}{prog} "
        rest = " " * (len(first) if len(first) + MIN_ROOM <= self.width else self.current_indent + 4)
        self.write("".join(f"{line}\n" for line in wrap(args, self.width, first, rest)))

    def write_heading(self, heading: str) -> None:
        # Click appends « : » itself; French puts a non-breaking space before it.
        super().write_heading(f"{heading}{NBSP}")

    def write_text(self, text: str) -> None:
        super().write_text(_typeset(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Click's two columns, wrapped by `render.lines`: never inside an id (« action-sociale »)."""
        from iae_cli.render.lines import display_width, longest_word, wrap

        rows = [(term, _typeset(text)) for term, text in rows]
        first_col = min(max((display_width(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * (first_col + self.current_indent)
        room = max(self.width - first_col - 2, 10)
        for term, text in rows:
            lead = f"{'':>{self.current_indent}}{term}"
            # Too narrow beside the terms (a column of single words) or beside this one: below it.
            if room < MIN_ROOM or longest_word(text) > room:
                below = " " * (self.current_indent + 4)
                self.write(lead + "\n" + "".join(f"{line}\n" for line in wrap(text, self.width, below, below)))
                continue
            if display_width(term) > first_col - col_spacing:
                self.write(lead + "\n")
                lead = indent
            lines = wrap(text, room) if text else [""]
            self.write(lead.ljust(len(indent)) + lines[0] + "\n")
            self.write("".join(f"{indent}{line}\n" for line in lines[1:]))


# A space before punctuation that ends a phrase (« : » then a space, not « :smile: »), or inside « ».
_LOOSE_SPACE = re.compile(r" (?=[:;?!](?:\s|$|[.,)»])|»)|(?<=«) ")


def _typeset(text: str) -> str:
    """Click wraps help at plain spaces: a no-break space keeps « : ; ? ! » with their word."""
    return _LOOSE_SPACE.sub(NBSP, text)


class FrenchContext(typer.Context):
    formatter_class = FrenchHelpFormatter


def format_params(command: Any, ctx: Any, formatter: Any) -> None:
    """The « Arguments » and « Options » sections, titled in French."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    for title, rows in ((ARGUMENTS_TITLE, arguments), (OPTIONS_TITLE, options)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


_SHELL_WORD = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s"'])+""")
NOTE = "   ("  # an example's note for the reader, not for the shell: « iae orient   (dans un terminal) »


def format_examples(examples: tuple[str, ...], formatter: Any) -> None:
    """Each example as typed; one too long for the screen goes on over lines ending with « \\ »,
    between shell words (never inside quotes), so that it can still be copied and run."""
    if examples:
        with formatter.section(EXAMPLES_TITLE):
            for example in examples:
                formatter.write(_example_lines(example, formatter.current_indent, formatter.width))


def _shell_pieces(command: str, room: int) -> list[str]:
    """The command's shell words, an option kept with its value (« --envie diriger ») and « > »
    with its file, unless together they are wider than `room`."""
    groups: list[list[str]] = []
    for word in _SHELL_WORD.findall(command):
        last = groups[-1] if groups else []
        if last == [">"] or (len(last) == 1 and last[0].startswith("-") and not word.startswith("-")):
            last.append(word)
        else:
            groups.append([word])
    pieces: list[str] = []
    for group in groups:
        together = " ".join(group)
        pieces += [together] if len(together) <= room else group
    return pieces


def _example_lines(example: str, indent: int, width: int) -> str:
    if indent + len(example) <= width:
        return " " * indent + example + "\n"
    command, _mark, note = example.partition(NOTE)
    lines, line = [], " " * indent
    for piece in _shell_pieces(command, width - indent - 6):
        if line.strip() and len(line) + 1 + len(piece) > width - 2:
            lines.append(line + " \\")
            line = " " * max(min(indent + 4, width - len(piece)), indent + 1)  # a long word: further left
        line += piece if not line.strip() else " " + piece
    if note and len(line) + len(NOTE) + len(note) <= width:
        line += NOTE + note
    elif note:  # the note below, as prose: no « \\ », since the shell never reads it
        from iae_cli.render.lines import wrap

        lines.append(line)
        line = "\n".join(wrap(NOTE.lstrip() + note, width, " " * (indent + 4), " " * (indent + 5)))
    return "\n".join([*lines, line]) + "\n"


def usage_pieces(command: Any, ctx: Any) -> list[str]:
    """The usage line's words: metavars as declared (`DÉPART`, `[ARRIVÉE]`), never in braces."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            pieces.append(param.metavar or str(param.name).upper())
    return pieces


def french_help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_TEXT
    return option


_COMPLETION_HELP = {
    "install_completion": "Installe la complétion des commandes (touche TAB) pour le shell courant.",
    "show_completion": "Affiche le script de complétion du shell courant, à copier ou adapter.",
}
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def translate_params(params: list[Any]) -> None:
    """French help for the completion options Typer adds, found by their parameter names."""
    for param in params:
        if param.name in _COMPLETION_HELP:
            param.help = _COMPLETION_HELP[param.name]
        if param.name == "install_completion":
            param.callback = _install_completion


def _install_completion(ctx: Any, _param: Any, value: Any) -> Any:
    """Typer's installer, with French messages around it."""
    if not value or ctx.resilient_parsing:
        return value
    from typer import completion  # Typer's own installer (the one its --install-completion runs)

    from iae_cli.errors import UsageError

    shell = value if isinstance(value, str) else None
    if shell is not None and shell not in SHELLS:
        raise UsageError(f"shell « {shell[:40]} » non pris en charge ; shells possibles : {', '.join(SHELLS)}")
    installer: Any = completion
    shell, path = installer.install(shell=shell)
    typer.echo(f"Complétion {shell} installée dans {path}.")
    typer.echo("Elle prendra effet dans un nouveau terminal.")
    raise typer.Exit(0)


def _option_names(param: Any) -> str:
    return " / ".join(param.opts) if param is not None else "?"


def _takes_no_value(command: Any, option_name: str) -> bool:
    """Whether `option_name` is a flag of `command` (Click does not always say which command it parsed)."""
    if command is None:
        return False
    ctx = command.context_class(command, info_name=command.name)
    for param in command.get_params(ctx):
        if option_name in (*param.opts, *param.secondary_opts):
            return bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
    return False


def usage_error_message(error: Exception, command: Any = None) -> str:
    """One French sentence for a Click usage error, from its class and attributes.

    `command` is the command being parsed, when the error does not carry it.
    """
    exceptions = click_exceptions
    if isinstance(error, exceptions.NoSuchOption):
        text = f"option inconnue : {error.option_name}"
        if error.possibilities:
            text += f" (vouliez-vous dire {', '.join(sorted(error.possibilities))} ?)"
        return text
    if isinstance(error, exceptions.BadOptionUsage):
        parsed = error.ctx.command if error.ctx is not None else command
        if _takes_no_value(parsed, error.option_name):
            return f"l'option {error.option_name} ne prend pas de valeur"
        return f"l'option {error.option_name} attend une valeur"
    if isinstance(error, exceptions.MissingParameter):
        param = error.param
        if param is not None and param.param_type_name == "option":
            return f"option manquante : {max(param.opts, key=len)}"
        name = (param.metavar or str(param.name).upper()) if param is not None else "?"
        return f"argument manquant : {name}"
    if isinstance(error, exceptions.BadParameter):
        return f"valeur invalide pour {_option_names(error.param)}"
    return "ligne de commande incorrecte"
