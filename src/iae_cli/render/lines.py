"""Where a line of text may break: the promise every renderer keeps, at any width.

A line breaks only at an ordinary space, never at a no-break space (which holds « 3 300 » or
« p. 15 » together) nor at a hyphen (which holds ids together), and never where French
typesetting forbids it; a word is cut only when it alone is wider than the line.
"""

from __future__ import annotations

import re
import unicodedata

from iae_cli.render.document import clean

# Characters one terminal cell wide, the only ones in French text as the study writes it:
# Latin letters and signs, typographic punctuation (including the narrow no-break space),
# currency, arrows, box drawing. Text made only of these is measured by len(), the fast path.
ONE_CELL = re.compile(
    "[\x00\n\x20-\x7e\xa0-\u02ff\u2010-\u2027\u202f-\u205e\u20a0-\u20bf\u2100-\u214f\u2190-\u22ff\u2500-\u25ff\ufffd]*"
)
BLANKS = re.compile("[ \t]+")
# Spaces a line never breaks at, as French typesetting wants: before « : ; ? ! » », after « « »,
# a dash or « ≈ » (each stays with the words it introduces), between « p. » and its page, and
# between a number and its unit (« 30 k€ », « 5 ans »). They are held as "\x00" while a text
# is wrapped (data never holds "\x00": `clean` turned every control code into U+FFFD).
_UNITS = r"(?:k€|€|%|h|ans?|mois)(?!\w)"
_GLUED = re.compile(rf"[ \t]+(?:(?=[:;?!»])|(?<=[«—≈][ \t])|(?<=\bp\.[ \t])(?=\d)|(?<=\d[ \t])(?={_UNITS}))")
# The same rule as a place where a line may break: a space none of the above holds.
_BREAK = rf"(?<![«—≈]) (?![:;?!»])(?!(?<=\bp\. )\d)(?!(?<=\d ){_UNITS})"
_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def line_pattern(width: int) -> re.Pattern[str]:
    """Finds, from where it starts, the longest run of words that fits in `width` (group 1),
    else the first `width` characters of a word too long for any line (group 2)."""
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        pattern = _LINE_PATTERNS[width] = re.compile(rf"(.{{1,{width}}})(?:{_BREAK}|$)|(.{{{width}}})")
    return pattern


def glue(text: str) -> str:
    return _GLUED.sub("\x00", text)


_THIN = re.compile(r"[ \t]+(?=[;?!])")
_RANGE = re.compile(r"(?<=\d)–(?=\d)")


def typeset(text: str) -> str:
    """The same rule for text that others lay out (a browser, a word processor): each space it
    holds becomes a no-break one, narrow (U+202F) before « ; ? ! », U+00A0 elsewhere; and as
    browsers break after an en dash, a word joiner (U+2060) holds a range (« 25–30 k€ »)."""
    if "–" in text:
        text = _RANGE.sub("–\u2060", text)
    return _GLUED.sub("\u00a0", _THIN.sub("\u202f", text)) if " " in text or "\t" in text else text


def _unglue(lines: list[str]) -> list[str]:
    return [line.replace("\x00", " ") for line in lines]


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal cells taken by `text`: 2 for wide (CJK, emoji) characters, 0 for combining ones."""
    if ONE_CELL.fullmatch(text):
        return len(text)
    return sum(map(_char_width, text))


def _split_at(word: str, room: int) -> tuple[str, str]:
    """The longest head of `word` that takes at most `room` cells (at least one character)."""
    used = 0
    for index, char in enumerate(word):
        used += _char_width(char) if not ONE_CELL.fullmatch(char) else 1
        if used > room:
            return word[: max(index, 1)], word[max(index, 1) :]
    return word, ""


def _wrap_paragraph(text: str, width: int, first: str, rest: str) -> list[str]:
    room = width - display_width(rest)
    words: list[str] = []
    for word in BLANKS.split(text):
        # Words held together but too long for any line come apart where they were held,
        # rather than be cut inside a word.
        if "\x00" in word and display_width(word) > room:
            words += word.split("\x00")
        elif word:
            words.append(word)
    if not words:
        return [first.rstrip()]
    lines: list[str] = []
    line, used, bare = first, display_width(first), True  # bare: only the indent so far
    for word in words:
        size = display_width(word)
        if not bare:
            if used + 1 + size <= width:
                line, used = f"{line} {word}", used + 1 + size
                continue
            lines.append(line)
            line, used, bare = rest, display_width(rest), True
        elif not lines and used + size > width and display_width(rest) < used and first.strip():
            lines.append(first.rstrip())  # a long label alone, its value below it, with more room
            line, used = rest, display_width(rest)
        while used + size > width and word and width > used:  # wider than a line: the only cut
            head, word = _split_at(word, width - used)
            lines.append(line + head)
            line, used, size = rest, display_width(rest), display_width(word)
        if word:
            line, used, bare = line + word, used + size, False
    if not bare or not lines:
        lines.append(line)
    return lines


def _fast_wrap(text: str, width: int, first: str, rest: str) -> list[str] | None:
    """`_wrap_paragraph` for text one cell per character (nearly all French text), by regular
    expression; None when the careful path is needed (wide characters, a first word that does
    not fit after `first`)."""
    if not ONE_CELL.fullmatch(text + first + rest):
        return None
    if len(first) + len(text) <= width:
        return [first + text if text else first.rstrip()]
    room, later = width - len(first), width - len(rest)
    head = line_pattern(room).match(text) if room > 0 and later > 0 else None
    if head is None or head.group(1) is None:
        return None
    found = line_pattern(later).findall(text, head.end()) if head.end() < len(text) else []
    if any(cut for _fits, cut in found):  # a word to cut: the careful path decides where
        return None
    return [first + head.group(1), *(rest + fits for fits, _cut in found)]


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most `width` cells; `first` starts the first line, `rest` the others.
    A line break in the text starts a new line (with `rest`)."""
    lines: list[str] = []
    for index, paragraph in enumerate(clean(text).split("\n")):
        lead = first if index == 0 else rest
        if "\t" in paragraph or "  " in paragraph:
            paragraph = BLANKS.sub(" ", paragraph)
        paragraph = paragraph.strip(" ")
        fast = _fast_wrap(paragraph, width, lead, rest)
        lines += fast if fast is not None else _unglue(_wrap_paragraph(glue(paragraph), width, lead, rest))
    return lines


def words(text: str) -> list[str]:
    """The runs of `text` between ordinary spaces and line breaks (plain C-level splits)."""
    return text.replace("\t", " ").replace(" ", "\n").split("\n")


def longest_word(text: str) -> int:
    """Cells of the widest run of text a line may not break (words held by no-break rules)."""
    words = BLANKS.split(glue(text))
    return max(map(len if ONE_CELL.fullmatch(text) else display_width, words), default=0)
