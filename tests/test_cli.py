"""The command line end to end, as a user runs it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT, SEEDS
from test_export import page_sources


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)


def test_build_seeds_writes_every_export(tmp_path):
    out = tmp_path / "t.html"
    result = run("build", str(SEEDS), "--out", str(out), "--csv", str(tmp_path / "e.csv"),
                 "--json", str(tmp_path / "e.json"), "--timelinejs", str(tmp_path / "tl.json"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("loaded") for line in lines) == 5
    assert "published 2023-12-01 (metadata)" in result.stdout
    assert any(line.startswith("total: 5 articles loaded, 0 skipped") for line in lines)
    assert out.stat().st_size > 1_000_000  # plotly.js is embedded
    assert_sources_dated(out)
    events = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert any(e["value"] == "2023-11-22" for e in events)
    assert json.loads((tmp_path / "tl.json").read_text(encoding="utf-8"))["events"]


def assert_sources_dated(page) -> None:
    """Every source in an exported page names its article's publication date (Antiwar.com's is 21 June 2024)."""
    articles = [article for article, _ in page_sources(page.read_text(encoding="utf-8"))]
    assert articles and all(re.fullmatch(r"\w{3} \d{1,2} \w{3} \d{4}", a[3]) for a in articles), articles[:3]
    assert any(a[0] == "Antiwar.com" and a[3] == "Fri 21 Jun 2024" for a in articles)


def test_tag_prints_a_table():
    result = run("tag", str(next(SEEDS.glob("001_*.txt"))), "--dct", "2024-11-01")
    assert result.returncode == 0, result.stderr
    assert "late November" in result.stdout and "2023-11 END" in result.stdout
    assert "Channel 12" not in result.stdout


def test_tag_without_dct_reports_unresolved():
    result = run("tag", str(next(SEEDS.glob("001_*.txt"))))
    assert "XXXX-WXX-5" in result.stdout and "left unresolved" in result.stdout


def test_bad_dct_is_a_clear_error():
    result = run("tag", str(next(SEEDS.glob("001_*.txt"))), "--dct", "yesterday")
    assert result.returncode == 2 and "not an ISO date" in result.stderr


def test_build_into_a_store_twice_then_export(tmp_path):
    db = tmp_path / "project.duckdb"
    first = run("build", str(SEEDS), "--db", str(db), "--workers", "1")
    assert first.returncode == 0, first.stderr
    assert "5 new, 0 changed, 0 unchanged, 0 skipped; 5 articles" in first.stdout
    assert "warning  " in first.stdout and "disagrees with the metadata date 2023-12-01" in first.stdout
    again = run("build", str(SEEDS), "--db", str(db))
    assert "0 new, 0 changed, 5 unchanged" in again.stdout
    exported = run("export", "--db", str(db), "--csv", str(tmp_path / "e.csv"), "--out", str(tmp_path / "t.html"))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").count("\n") > 20
    assert_sources_dated(tmp_path / "t.html")
    assert run("export", "--db", str(tmp_path / "missing.duckdb")).returncode == 2

    everything = run("export", "--db", str(db), "--json", str(tmp_path / "all.json"))
    assert everything.returncode == 0, everything.stderr
    filtered = run("export", "--db", str(db), "--json", str(tmp_path / "f.json"), "--from", "2024-01-01",
                   "--to", "2024-12-31", "--text", "Kassab")
    assert filtered.returncode == 0, filtered.stderr
    every, chosen = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("all.json", "f.json"))
    assert 0 < len(chosen) < len(every)
    assert all(e["end"] > "2024-01-01" and e["begin"] <= "2024-12-31T23:59" for e in chosen)
    assert all("kassab" in (e["title"] + e["sentence"]).lower() for e in chosen)
    wrong = run("export", "--db", str(db), "--json", str(tmp_path / "w.json"), "--from", "last week")
    assert wrong.returncode == 2 and "not a day written YYYY-MM-DD" in wrong.stderr
