"""Speed of `timeline.temporal.tag` on the TBAQ text, beside dateparser's `search_dates`, and linearity.

    python benchmarks/bench_tagger.py [TBAQ_DIR] [--search-dates-docs N] [--repeat N]

Prints characters and documents per second for both taggers in the same run
(dateparser gets the document's DCT as RELATIVE_BASE), then the time `tag`
takes on 0.5, 1, 2 and 5 MB of mixed text and digits. Times are the CPU time of
this process (time.process_time), so that other work on a shared machine does not
skew them; on an idle machine they equal wall time. ``--repeat`` tags the TBAQ text
that many times and reports the best pass, to compare two versions on a busy machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dateparser.search import search_dates  # noqa: E402

from timeline.evaluate import read_timeml, tml_files  # noqa: E402
from timeline.temporal import tag  # noqa: E402

DEFAULT_TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tbaq"


def measure(documents, run) -> tuple[float, int]:
    began = time.process_time()
    characters = 0
    for doc in documents:
        run(doc)
        characters += len(doc.text)
    return time.process_time() - began, characters


def mixed_text(size: int, seed: int = 7) -> str:
    """Text with words, numbers, dates and digit runs, deterministic."""
    rng = random.Random(seed)
    pieces = ["The talks resumed on Nov. 22, 2023 after", "some 1,200 people", "in late November", "12345678",
              "Friday evening", "Channel 12 reported", "two weeks later", "the third quarter of 1989", "$1997",
              "phone 555-1234", "March", "may", "in 2014 and 2015", "yearslong", "10:35 a.m.", "the 1990s", "."]
    out, length = [], 0
    while length < size:
        piece = rng.choice(pieces)
        out.append(piece)
        length += len(piece) + 1
    return " ".join(out)[:size]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tbaq", nargs="?", default=str(DEFAULT_TBAQ))
    parser.add_argument("--search-dates-docs", type=int, default=256, help="documents given to search_dates")
    parser.add_argument("--repeat", type=int, default=1, help="passes of tag over TBAQ; the best one is reported")
    args = parser.parse_args()
    documents = [read_timeml(p) for p in tml_files([args.tbaq])]
    if not documents:
        print(f"no .tml files under {args.tbaq}")
        return 2
    print(f"{len(documents)} TBAQ documents, {sum(len(d.text) for d in documents):,} characters")

    seconds, characters = min(measure(documents, lambda d: tag(d.text, d.dct)) for _ in range(max(1, args.repeat)))
    tag_rate = characters / seconds
    print(f"tag:          {tag_rate:12,.0f} characters/s  {len(documents) / seconds:8.1f} documents/s")

    subset = documents[: args.search_dates_docs]

    def dateparser_run(doc):
        base = datetime.fromisoformat(doc.dct[:10]) if doc.dct else None
        search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base} if base else None)

    seconds, characters = measure(subset, dateparser_run)
    search_rate = characters / seconds
    print(f"search_dates: {search_rate:12,.0f} characters/s  {len(subset) / seconds:8.1f} documents/s "
          f"({len(subset)} documents)")
    print(f"tag is {tag_rate / search_rate:.1f}x faster than search_dates")

    print("linearity on mixed text and digits:")
    for megabytes in (0.5, 1, 2, 5):
        text = mixed_text(int(megabytes * 1_000_000))
        began = time.process_time()
        tag(text, "2024-11-01")
        elapsed = time.process_time() - began
        print(f"  {megabytes:>4} MB: {elapsed:7.2f} s  ({len(text) / elapsed:,.0f} characters/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
