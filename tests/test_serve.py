"""The launcher `make run` uses: the dashboard's heavy modules are loaded before the server serves anyone."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

# What the dashboard's first script run needs and a fresh `streamlit run app.py` server has not loaded yet.
LOADED = ("pandas", "plotly.graph_objects", "pyarrow", "duckdb", "timeline.viz", "timeline.pipeline",
          "timeline.dashboard_text", "timeline.export")


def test_the_launcher_loads_what_the_first_view_needs():
    probe = ("import sys; from timeline import serve; before = set(sys.modules); serve.warm_up(); "
             f"print(sorted(m for m in {LOADED!r} if m in sys.modules and m not in before))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == str(sorted(LOADED)), loaded.stdout + loaded.stderr
