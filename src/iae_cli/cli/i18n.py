"""French for the parts of Typer's vendored Click that users read.

Typer (pinned below 0.28 in pyproject.toml, see there) writes a few English words in
help pages and usage errors. We set its help panel titles, the usage prefix and the
help option's text, and translate Click's usage errors where we catch them.
"""

from __future__ import annotations

from typing import Any

import typer.core
from typer._click import core as click_core
from typer._click import decorators as click_decorators
from typer._click import exceptions as click_exceptions
from typer._click import formatting as click_formatting

USAGE_PREFIX = "Utilisation : "
HELP_TEXT = "Affiche cette aide et quitte."


def install() -> None:
    """Idempotent: called once when the app module is imported."""
    decorators: Any = click_decorators
    if getattr(decorators, "_iae_french", False):
        return
    original_help_option = decorators.help_option

    def french_help_option(param_decls: list[str]) -> Any:
        decorate = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            result = decorate(command)
            command.params[-1].help = HELP_TEXT
            return result

        return apply

    decorators.help_option = french_help_option
    decorators._iae_french = True

    formatter_class: Any = click_formatting.HelpFormatter
    original_write_usage = formatter_class.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_write_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    formatter_class.write_usage = write_usage
    original_get_usage = click_core.Command.get_usage

    def get_usage(self: Any, ctx: Any) -> str:
        return str(original_get_usage(self, ctx)).replace("Usage: ", USAGE_PREFIX, 1)

    click_core.Command.get_usage = get_usage  # type: ignore[method-assign]
    typer.core.TyperCommand.get_usage = get_usage  # type: ignore[method-assign]
    core_module: Any = typer.core
    core_module._ = _french_gettext  # titles and notes of plain (non-Rich) help pages


COMMANDS_TITLE = "Commandes"
_HEADINGS = {
    "Options": "Options",
    "Commands": COMMANDS_TITLE,
    "Arguments": "Arguments",
    "required": "obligatoire",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable : {var}",
}
_PARAM_HELP = {
    "Install completion for the current shell.": "Installe la complétion des commandes pour le shell courant.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Affiche le script de complétion du shell courant, à copier ou adapter."
    ),
}


def translate_params(params: list[Any]) -> None:
    """French help for the options Typer adds itself (shell completion)."""
    for param in params:
        help_text = getattr(param, "help", None)
        if help_text in _PARAM_HELP:
            param.help = _PARAM_HELP[help_text]


def _french_gettext(message: str) -> str:
    return _HEADINGS.get(message, message)


def usage_error_message(error: Exception) -> str:
    """One French sentence for a Click usage error."""
    exceptions: Any = click_exceptions
    if isinstance(error, exceptions.NoSuchOption):
        text = f"option inconnue : {error.option_name}"
        if error.possibilities:
            text += f" (vouliez-vous dire {', '.join(sorted(error.possibilities))} ?)"
        return text
    if isinstance(error, exceptions.BadOptionUsage):
        if "does not take a value" in str(error.message):
            return f"l'option {error.option_name} ne prend pas de valeur"
        return f"l'option {error.option_name} attend une valeur"
    if isinstance(error, exceptions.MissingParameter):
        param = error.param
        if param is not None and getattr(param, "param_type_name", "") == "option":
            return f"option manquante : {max(param.opts, key=len)}"
        return f"argument manquant : {param.human_readable_name if param is not None else '?'}"
    message = str(getattr(error, "message", error))
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        return f"commande inconnue : {name}"
    prefix = "Got unexpected extra argument(s) ("
    if message.startswith(prefix):
        return f"argument(s) en trop : {message[len(prefix) : -1]}"
    if message.startswith("Missing command"):
        return "commande manquante"
    if isinstance(error, exceptions.BadParameter):
        return f"valeur invalide : {message}"
    return f"utilisation incorrecte : {message}"
