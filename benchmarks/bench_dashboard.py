"""Dashboard speed on a large folder: first load (tagging) and a filter change (cached), through AppTest.

    python benchmarks/bench_dashboard.py [N_ARTICLES]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_events import synthetic_articles  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        for article in synthetic_articles(count):
            Path(folder, f"{article.id}.txt").write_text(
                f"Title: {article.title}\nPublished: {article.published.isoformat()}\n\n{article.text}", encoding="utf-8")
        app = AppTest.from_file(str(HERE.parent / "app.py"), default_timeout=1800).run()
        began = time.perf_counter()
        app.text_input(key="folder").set_value(folder).run()
        loaded = time.perf_counter() - began
        events = app.markdown[0].value
        timings = []
        for words in ("market", "percent", "president", ""):
            began = time.perf_counter()
            app.text_input(key="search").set_value(words).run()
            timings.append(time.perf_counter() - began)
        assert not app.exception, app.exception
    print(f"{count} articles: first load {loaded:.1f} s ({events})")
    print("filter changes (cached tagging): " + ", ".join(f"{t:.2f} s" for t in timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
