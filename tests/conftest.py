"""Shared fixtures: the seeds' timeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline import Timeline, build
from timeline.filters import EventFilter

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TBAQ = ROOT.parent / "shared" / "corpora" / "tbaq"


@pytest.fixture(scope="session")
def seed_timeline() -> Timeline:
    return build([SEEDS])


@pytest.fixture(scope="session")
def seed_shown(seed_timeline: Timeline) -> pd.DataFrame:
    """The seeds' events a reader sees by default (hypothetical happenings are hidden unless asked for)."""
    return EventFilter().apply(seed_timeline.events)


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return read
