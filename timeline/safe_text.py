"""Article text shown through Markdown (the dashboard) must stay text: no links, images, HTML or math."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def markdown_escape(text: str) -> str:
    """Backslash-escape every character Markdown (or Streamlit's extensions) could read as syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def markdown_highlight(sentence: str, start: int, end: int) -> str:
    """The escaped sentence with sentence[start:end] in bold."""
    if not 0 <= start <= end <= len(sentence):
        return markdown_escape(sentence)
    return (markdown_escape(sentence[:start]) + "**" + markdown_escape(sentence[start:end]) + "**"
            + markdown_escape(sentence[end:]))
