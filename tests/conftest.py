"""Shared fixtures: the seeds' timeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import Timeline, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TBAQ = ROOT.parent / "shared" / "corpora" / "tbaq"


@pytest.fixture(scope="session")
def seed_timeline() -> Timeline:
    return build([SEEDS])


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return read
