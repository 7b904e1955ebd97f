"""The data folder a served dashboard may read: folders and stores outside it are refused.

Set ``TIMELINE_DATA_FOLDER`` before serving the dashboard to others; "read a folder" and "open a store" then
reach only inside it (relative paths are taken from it; symbolic links and ".." cannot climb out). Unset, the
dashboard is a local tool and reads any path its user gives.
"""

from __future__ import annotations

import os
from pathlib import Path

SETTING = "TIMELINE_DATA_FOLDER"


class OutsideDataFolder(ValueError):
    """A path the dashboard may not read; the message says which folder is allowed."""


def data_folder() -> Path | None:
    """The configured folder, resolved; None when the dashboard runs locally without one."""
    value = os.environ.get(SETTING, "").strip()
    return Path(value).expanduser().resolve() if value else None


def confined(path_text: str, root: Path | None) -> Path:
    """The path the user typed, resolved, if it lies inside ``root`` (any path when ``root`` is None)."""
    path = Path(path_text).expanduser()
    if root is None:
        return path
    resolved = (root / path).resolve()
    if not resolved.is_relative_to(root):
        raise OutsideDataFolder(f"{path_text} is outside the data folder this dashboard may read ({root}); "
                                f"give a path inside it")
    return resolved
