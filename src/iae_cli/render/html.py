"""HTML a counsellor can hand out: one self-contained page, inline CSS, no script, no network.

Every text that comes from the data goes through `esc` (html.escape, quotes included) at the
moment it is written; nothing here ever trusts a value to be markup. `esc` is also where French
spacing is set: a browser breaks lines at ordinary spaces, so the spaces `render.lines` holds
(before « : ; ? ! », inside « », in « 30 k€ » or « p. 15 ») leave it as no-break spaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from iae_cli.render.document import Block, Bullets, Document, Fields, Heading, Paragraph, Snippets, Table, clean
from iae_cli.render.lines import typeset

# Screen: one readable column, tables that scroll sideways on a phone rather than overflow.
# Print (A4): tables shrink to the page width and wrap their cells, rows never split across
# pages, each top-level section (one fiche, one route) starts on a new page.
STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; font: 16px/1.5 "DejaVu Sans", Arial, sans-serif;
  color: #1d1d1b; background: #fff; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.2rem 0 0.8rem; color: #123b5d; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.5rem; color: #123b5d; border-bottom: 2px solid #d8e3ec; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 0.4rem; }
p, ul, dl { margin: 0.4rem 0 0.8rem; }
ul { padding-left: 1.3rem; }
li { margin: 0.15rem 0; }
p, li, dd { overflow-wrap: anywhere; }  /* a source's long address never widens the page */
.list-title { font-weight: bold; margin-bottom: 0.2rem; }
dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { border-left: 4px solid #9fb7cc; background: #f2f6f9; padding: 0.4rem 0.7rem; }
.warning { border-left: 4px solid #c77d00; background: #fff6e5; padding: 0.4rem 0.7rem; }
.table { overflow-x: auto; margin: 0.4rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border: 1px solid #c9d4dd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #e8eff5; }
td .sub { color: #34434f; font-size: 0.92em; }
a { color: #0b5394; }
nav { font-size: 0.95rem; margin-bottom: 1rem; }
nav a { margin-right: 0.8rem; }
figure { margin: 1rem 0; }
mark { background: #fff0a0; color: inherit; }
figure svg { max-width: 100%; height: auto; }
figure.map { overflow-x: auto; }
figure.map svg { max-width: none; }
footer { margin-top: 2rem; font-size: 0.9rem; color: #3e4b55; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; font-size: 15px; }
  dl { grid-template-columns: 1fr; }
  dd { margin: 0 0 0.4rem 0; }
}
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  .table { overflow: visible; }
  table { font-size: 9.5pt; }
  tr, li, dt, dd, .note, .warning, figure { break-inside: avoid; }
  h1, h2, h3, .list-title { break-after: avoid; }
  section.part + section.part { break-before: page; }
  a { color: inherit; text-decoration: none; }
  figure.map { overflow: visible; }
  figure.map svg { max-width: 100%; }
}
"""


def attribute(text: str) -> str:
    """Data as an attribute value (an address): control codes replaced, `<>&"'` escaped."""
    return escape(clean(text), quote=True)


def esc(text: str) -> str:
    """Data as HTML text: escaped first, then typeset (which only turns spaces into no-break
    spaces, so it can neither make markup nor undo an escape)."""
    return typeset(attribute(text))


LABEL_END = esc(" : ")  # our own « : » after a label, spaced as the data is


def _text(text: str, links: Mapping[str, str]) -> str:
    href = links.get(text)
    return f'<a href="{attribute(href)}">{esc(text)}</a>' if href else esc(text)


def _cell(text: str, links: Mapping[str, str], tag: str) -> str:
    first, *rest = text.split("\n")
    subs = "".join(f'<br><span class="sub">{_text(line, links)}</span>' for line in rest)
    return f"<{tag}>{_text(first, links)}{subs}</{tag}>"


def _tree(lines: tuple[tuple[int, str], ...], links: Mapping[str, str]) -> str:
    out: list[str] = []
    depth = -1
    for level, text in lines:
        if level > depth:
            out.append("<ul>" * (level - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - level))
        out.append(f"<li>{_text(text, links)}")
        depth = level
    out.append("</li>" + "</ul></li>" * depth + "</ul>" if depth >= 0 else "")
    return "".join(out)


def _block(block: Block, links: Mapping[str, str]) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        css = f' class="{block.style}"' if block.style in ("note", "warning") else ""
        return f"<p{css}>{esc(block.text)}</p>"
    if isinstance(block, Bullets):
        title = f'<p class="list-title">{esc(block.title)}</p>' if block.title else ""
        return title + "<ul>" + "".join(f"<li>{_text(item, links)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Fields):
        pairs = "".join(f"<dt>{esc(label)}</dt><dd>{_text(value, links)}</dd>" for label, value in block.pairs)
        return f"<dl>{pairs}</dl>"
    if isinstance(block, Table):
        head = "".join(_cell(h, {}, "th") for h in block.headers)
        rows = "".join("<tr>" + "".join(_cell(c, links, "td") for c in row) + "</tr>" for row in block.rows)
        return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    if isinstance(block, Snippets):
        items = "".join(
            f"<li><em>{esc(label)}</em>{LABEL_END}{_marked(text, spans)}</li>" for label, text, spans in block.items
        )
        return f'<ul class="snippets">{items}</ul>'
    return _tree(block.lines, links)


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Escaped text with its spans (the words a search matched) in <mark>."""
    out, last = [], 0
    for start, end in spans:
        out += [esc(text[last:start]), "<mark>", esc(text[start:end]), "</mark>"]
        last = end
    out.append(esc(text[last:]))
    return "".join(out)


def render_body(document: Document, links: Mapping[str, str] | None = None) -> str:
    """The document's blocks as HTML; each level-1 heading opens a section (a new page in print).

    `links` maps a whole text (a list item, a table cell's line, a field value) to the page it names.
    """
    links = links or {}
    out: list[str] = []
    opened = False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            out.append("</section>" if opened else "")
            out.append('<section class="part">')
            opened = True
        out.append(_block(block, links))
    if opened:
        out.append("</section>")
    return "\n".join(part for part in out if part)


def page(title: str, body: str, head_extra: str = "") -> str:
    """A whole HTML file. `body` is HTML already escaped by the functions above (or an SVG from svg.py)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No request may leave the page: not even a favicon lookup.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n{head_extra}</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def render_html(document: Document, figure: str = "") -> str:
    """A handout: the document as one self-contained page, titled after its first heading.

    `figure` is an SVG made by svg.py (already escaped there), shown just before the first table
    (after the title and its notes), or after the title when there is no table.
    """
    title = next((b.text for b in document.blocks if isinstance(b, Heading)), "iae")
    body = render_body(document)
    if figure:
        insert = f"<figure>{figure}</figure>\n"
        at = body.find('<div class="table">')  # data is escaped: this can only be our own markup
        if at < 0:
            heading_end = body.find("</h1>")
            at = heading_end + len("</h1>") if heading_end >= 0 else 0
        body = body[:at] + insert + body[at:]
    return page(title, body)
