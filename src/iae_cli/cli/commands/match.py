"""`iae match --bac N --years Y`: the posts open to a person, and what the others lack."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.options import (
    bac_option,
    check_format,
    check_level,
    domain_option,
    euros_for,
    euros_option,
    format_option,
    level_option,
    parse_count,
    parse_diploma_option,
    parse_domain,
    parse_years,
    require,
    years_option,
)
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import EXIT_NO_RESULT

FORMATS = ("table", "json", "markdown", "html")
EXAMPLES = (
    "iae match --bac 3 --years 2",
    'iae match --bac master --years "5 ans" -l direction',
    "iae match --bac BTS --years 0 --format json",
)


def run(
    ctx: typer.Context,
    bac: str | None = bac_option(),
    years: str | None = years_option(),
    level: str | None = level_option(),
    near: str = typer.Option(
        "10",
        "--near",
        help="Nombre de postes presque accessibles à montrer (par défaut : 10 ; 0 : tous ; le JSON les donne tous).",
        metavar="N",
        show_default=False,
    ),
    domain: str | None = domain_option(),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.match import Profile, match_requirements

    fmt = check_format(fmt, *FORMATS)
    diploma = parse_diploma_option(require(bac, "--bac", "match"))
    years_value = parse_years(require(years, "--years", "match")) or 0.0
    domain_choice = parse_domain(domain) if years_value else None  # as orient: no experience, no domain
    wanted = check_level(level)
    catalog = state(ctx).catalog()
    conversion = euros_for(catalog, euros)
    if domain_choice is not None or diploma.family is not None:  # the rule orient uses, so both agree
        from iae_cli.orient import match_person

        result = match_person(diploma, years_value, domain_choice, catalog.requirements(), catalog.summaries_at, wanted)
    else:
        profile = Profile(diploma.bac, years_value)
        result = match_requirements(profile, catalog.requirements(), catalog.summaries_at, wanted)
    limit = 0 if near.strip() == "0" else parse_count(near, "--near")
    if fmt in HANDOUT_FORMATS:
        from iae_cli.render.handout_views import match_handout, match_pages
        from iae_cli.render.match_views import match_view

        body = (
            match_view(result, limit or None, conversion, wanted, diploma, domain_choice)
            if details
            else match_handout(result, limit or None, conversion, diploma, domain_choice)
        )
        emit_handout(catalog, body, match_pages(result), fmt)
    elif fmt == "json":
        from iae_cli.render import data

        emit_data(data.match(result, diploma, domain_choice, conversion), fmt)
    else:
        from iae_cli.render.match_views import match_view

        emit_document(match_view(result, limit or None, conversion, wanted, diploma, domain_choice))
    if not result.open_count:
        raise typer.Exit(EXIT_NO_RESULT)
