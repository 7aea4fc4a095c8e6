"""Names `vulture` cannot see used (the dead-code gate: README « Développement », .ci/run).

    .venv/bin/vulture src tests/vulture_whitelist.py --min-confidence 60

A name belongs here only when something outside our code calls it, or reads it by name.
"""
# ruff: noqa

from iae_cli.cli import app, i18n
from iae_cli.yamlsafe import _FastLoader

# Click and Typer call these.
app.IaeGroup.list_commands
app.IaeGroup.format_commands
app.main_options
_.collect_usage_pieces  # Click's help hooks, overridden for French help
_.format_options
_.format_epilog
_.write_usage  # the help formatter's, called by Click
_.allow_extra_args  # read by Click's parser
_.help  # an option's help text, read by Click
i18n._  # type: ignore[attr-defined]

# PyYAML's composer calls these (the arguments are its own).
_FastLoader.descend_resolver
_FastLoader.ascend_resolver
current_node
current_index

# Named as text in paths.DATA_FILES (`DataFile.check`), imported by the scan.
check_later
check_prices
check_rome

# Fields of data records, read from the YAML and kept for the JSON and the views.
checked_as_of
index_name
method

# Later facts (issue 12) and handouts (issue 14): landed ahead of the views that call them, at
# 10:40 on the session's clock. Each line goes as soon as its caller lands.
fiche_pages

# cli/names.py (11:50): used by a test only, since show completes every post
complete_fiche_id
