"""Which URLs from articles may become links: plain http(s) only."""

from __future__ import annotations

import re

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)


def safe_link(url: str) -> str | None:
    """The URL if it is plain http(s); None for javascript:, data: and anything odd."""
    url = (url or "").strip()
    return url if _SAFE_URL.match(url) else None
