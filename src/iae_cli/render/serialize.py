"""Data for machines: JSON and YAML text, with no raw control character."""

from __future__ import annotations

import json
import re
from typing import Any

from iae_cli.jsontext import compact

_C1_AND_DEL = re.compile("[\x7f-\x9f]")


def to_json(data: Any, indent: int | None = 2) -> str:
    """JSON with no raw control character, C1 included (JSON itself escapes only C0).

    Indented UTF-8 for a person; compact ASCII (the fastest C encoder) otherwise.
    """
    if indent is None:
        return compact(data) + "\n"
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if _C1_AND_DEL.search(text):
        text = _C1_AND_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


def to_yaml(data: Any) -> str:
    """YAML 1.1 text (PyYAML escapes what is not printable)."""
    import yaml

    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return text
