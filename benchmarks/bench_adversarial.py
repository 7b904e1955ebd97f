"""Adversarial inputs: tagging and reading must stay fast (no catastrophic backtracking, no deep recursion).

    python benchmarks/bench_adversarial.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.ingest import load  # noqa: E402
from timeline.temporal import tag  # noqa: E402

TEXTS = {
    "100,000 digits": "7" * 100_000,
    "50,000 x 'Nov. '": "Nov. " * 50_000,
    "5 MB line without spaces": "ab1/2-" * (5_000_000 // 6),
    "50,000 x 'the 22nd of '": "the 22nd of " * 50_000,
    "100,000 x '2024-'": "2024-" * 100_000,
    "200,000 x 'a '": "a " * 200_000,
    "30,000 x 'more than a year ago '": "more than a year ago " * 30_000,
}


def main() -> int:
    print(f"{'input':<34} {'characters':>11} {'tag s':>7} {'mentions':>9}")
    for name, text in TEXTS.items():
        began = time.perf_counter()
        found = tag(text, "2024-11-01")
        print(f"{name:<34} {len(text):11,d} {time.perf_counter() - began:7.2f} {len(found):9d}")
    with tempfile.TemporaryDirectory() as folder:
        nested = "<html><body>" + "<div>" * 50_000 + "Talks resumed on Friday in Cairo." + "</div>" * 50_000 + "</body></html>"
        (Path(folder) / "nested.html").write_text(nested)
        deep = "[" * 100_000 + "]" * 100_000
        (Path(folder) / "deep.json").write_text(deep)
        for name in ("nested.html", "deep.json"):
            began = time.perf_counter()
            result = load([Path(folder) / name])
            row = result.report[0]
            print(f"read {name:<29} {len((Path(folder) / name).read_text()):11,d} {time.perf_counter() - began:7.2f} "
                  f" {row.status}: {row.reason or 'ok'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
