"""The dashboard's first view pays only for what it uses: reading plain-text articles and drawing them imports
no HTML extractor, no store and no general date parser (each costs a noticeable part of a second to load)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT, SEEDS

from timeline.ingest.dates import parse_published

HEAVY = ("trafilatura", "htmldate", "dateparser", "duckdb")


def test_reading_and_drawing_the_seeds_loads_no_heavy_library():
    script = (f"import sys; from pathlib import Path; from timeline import build; from timeline.viz import figure; "
              f"figure(build([Path({str(SEEDS)!r})]).events); "
              f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            check=True)
    assert result.stdout.strip() == "", f"loaded: {result.stdout.strip()}"


@pytest.mark.parametrize(("text", "day"), [
    ("26 February 2024, Monday", date(2024, 2, 26)), ("Mon, Feb. 26, 2024", date(2024, 2, 26)),
    ("February 26, 2024", date(2024, 2, 26)), ("1st Nov 2024", date(2024, 11, 1)),
    ("Tuesday 26 February 2024", date(2024, 2, 26)),  # the weekday disagrees: dateparser decides, as before
])
def test_written_publication_dates_are_read(text, day):
    assert parse_published(text) == day
