"""JSON text for machines, shared by the cache and the output: compact, ASCII, no raw control character."""

from __future__ import annotations

import json
from typing import Any


def compact(data: Any) -> str:
    """Compact ASCII JSON (accents escaped: the fastest C encoder). JSON escapes C0 and, in ASCII
    output, everything above U+007F; DEL is the one control character left raw, so it is escaped too."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("\x7f", "\\u007f") if "\x7f" in text else text
