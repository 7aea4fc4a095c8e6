"""`iae match --bac N --years Y`: the posts open to a person, and what the others lack."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, check_level, format_option, level_option, parse_bac, parse_years
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import EXIT_NO_RESULT

FORMATS = ("table", "json")


def run(
    ctx: typer.Context,
    bac: str = typer.Option(
        ..., "--bac", help="Diplôme le plus élevé, en bac+N : 0 (bac) à 8 (doctorat).", metavar="N", show_default=False
    ),
    years: str = typer.Option(
        ...,
        "--years",
        help="Années d'expérience professionnelle (décimales permises).",
        metavar="ANS",
        show_default=False,
    ),
    level: str | None = level_option(),
    fmt: str = format_option(*FORMATS),
) -> None:
    from iae_cli.match import Profile, match

    check_format(fmt, *FORMATS)
    profile = Profile(parse_bac(bac) or 0, parse_years(years) or 0.0)
    result = match(profile, state(ctx).catalog().summaries.values(), check_level(level))
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.match(result), fmt)
    else:
        from iae_cli.render.views import match_view

        emit_document(match_view(result))
    if not result.eligible:
        raise typer.Exit(EXIT_NO_RESULT)
