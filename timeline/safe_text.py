"""Article text shown to people must stay text: escaped for HTML and Markdown, direction controls made visible.

Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069) can reorder
what a reader sees ("Trojan Source" spoofing); they are shown as ⟨U+202E⟩. So
are the C0 control characters but tab and line ends: XML forbids them, and one
in a title or an outlet made the dashboard's SVG overview an unreadable image.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import Source

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def visible_controls(text: str) -> str:
    return _CONTROLS.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text)


def escape_html(text: str) -> str:
    """HTML-escaped, quotes included, with bidi controls made visible; a double quote as "&#34;", since Plotly's
    text decodes numeric entities but not "&quot;" (a label showed &quot;end its war…)."""
    return html.escape(visible_controls(text)).replace("&quot;", "&#34;")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def markdown_escape(text: str) -> str:
    """Backslash-escape every character Markdown (or Streamlit's extensions) could read as syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible_controls(text).replace("\n", " "))


@dataclass(frozen=True)
class Marking:
    """How one output escapes text and marks the date words: Markdown bold, or an HTML <mark>."""

    escape: Callable[[str], str]
    open: str
    close: str


MARKDOWN = Marking(markdown_escape, "**", "**")
HTML = Marking(escape_html, "<mark>", "</mark>")


def highlight(text: str, start: int, end: int, marking: Marking) -> str:
    """The escaped text with text[start:end] marked; an empty span (no date words) marks nothing."""
    if not 0 <= start < end <= len(text):
        return marking.escape(text)
    return (marking.escape(text[:start]) + marking.open + marking.escape(text[start:end]) + marking.close
            + marking.escape(text[end:]))


def evidence(source: Source, marking: Marking) -> str:
    """A source's sentence, escaped, with the words that date the event marked: the dashboard's and the page's."""
    offset = source.sentence_span[0]
    return highlight(source.sentence, source.date_span[0] - offset, source.date_span[1] - offset, marking)
