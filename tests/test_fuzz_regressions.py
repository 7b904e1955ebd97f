"""Every input a fuzzer crashed on is kept in tests/fuzz/crashes and replayed here through its harness."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CRASHES = sorted((Path(__file__).parent / "fuzz" / "crashes").glob("*"))


def harness(name: str):
    pytest.importorskip("atheris")
    path = Path(__file__).parent / "fuzz" / f"fuzz_{name}.py"
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check


@pytest.mark.parametrize("crash", CRASHES, ids=[c.name for c in CRASHES])
def test_crash_input_no_longer_crashes(crash):
    harness(crash.name.split("-", 1)[0])(crash.read_bytes())
