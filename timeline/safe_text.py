"""Article text shown to people must stay text: escaped for HTML and Markdown, direction controls made visible.

Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069) can reorder
what a reader sees ("Trojan Source" spoofing); they are shown as ⟨U+202E⟩.
"""

from __future__ import annotations

import html
import re

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def visible_controls(text: str) -> str:
    return _BIDI.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text)


def escape_html(text: str) -> str:
    """HTML-escaped, quotes included, with bidi controls made visible."""
    return html.escape(visible_controls(text))

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def markdown_escape(text: str) -> str:
    """Backslash-escape every character Markdown (or Streamlit's extensions) could read as syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible_controls(text).replace("\n", " "))


def markdown_highlight(sentence: str, start: int, end: int) -> str:
    """The escaped sentence with sentence[start:end] in bold; an empty span (no date words) bolds nothing."""
    if not 0 <= start < end <= len(sentence):
        return markdown_escape(sentence)
    return (markdown_escape(sentence[:start]) + "**" + markdown_escape(sentence[start:end]) + "**"
            + markdown_escape(sentence[end:]))
