"""Make a deterministic corpus of N realistic articles from the TBAQ texts, with varied publication dates.

    python benchmarks/make_corpus.py N OUT_DIR [--seed 7]

Each article is a TBAQ document's text, lightly varied (a sentence order and a
closing line), written as a .txt file with Title/Source/Published headers.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.evaluate import read_timeml, tml_files  # noqa: E402

TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tbaq"


def make(count: int, out: Path, seed: int = 7) -> None:
    documents = [read_timeml(p) for p in tml_files([str(TBAQ)])]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        doc = documents[rng.randrange(len(documents))]
        sentences = re.split(r"(?<=[.!?])\s+", doc.text.strip())
        if len(sentences) > 4 and rng.random() < 0.5:  # swap two middle sentences so copies differ
            i = rng.randrange(1, len(sentences) - 2)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        published = date(1989, 1, 1) + timedelta(days=rng.randrange(0, 4000))
        body = " ".join(sentences) + f"\n\nReport {index} from desk {rng.randrange(40)}."
        (out / f"{index:06d}.txt").write_text(
            f"Title: {doc.name} ({index})\nSource: Outlet {index % 23}\nPublished: {published.isoformat()}\n\n{body}\n",
            encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make(args.count, args.out, args.seed)
    print(f"wrote {args.count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
