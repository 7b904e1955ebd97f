"""Which scanner finds the tagger's triggers fastest: the measurement behind timeline/temporal/find.py.

    python benchmarks/bench_scanners.py [TBAQ_DIR] [--repeat N]

Every scanner does the same job on the lower-cased TBAQ text: find each trigger word of the tagger's
rules where no letter touches it, and every run of digits. Prints characters per second and the number
of hits (equal hits mean the same job was done). hyperscan reports every end of every match (each digit
of a run, each overlapping word) on UTF-8 bytes, before any edge check: fine for timing the raw scan,
not a drop-in replacement. The last line is the whole find stage: hits merged into windows per rule.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ahocorasick  # noqa: E402
import hyperscan  # noqa: E402
import re2  # noqa: E402
import regex  # noqa: E402

from timeline.evaluate import read_timeml, tml_files  # noqa: E402
from timeline.temporal.rules import RULES  # noqa: E402
from timeline.temporal.tagger import ASCII_LOWER, FINDER  # noqa: E402

DEFAULT_TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tbaq"
WORDS = sorted({word for rule in RULES for word in rule.trigger.words}, key=len, reverse=True)
ALTERNATION = "|".join(re.escape(word) for word in WORDS)
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def whole(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] not in LETTERS) and (end == len(text) or text[end] not in LETTERS)


def lookaround_scanner(module) -> Callable[[str], int]:
    """One pattern whose look-arounds check the word edges (re, regex)."""
    pattern = module.compile(rf"(?<![a-z])(?:{ALTERNATION})(?![a-z])|\d+")
    return lambda text: sum(1 for _ in pattern.finditer(text))


def re2_scanner() -> Callable[[str], int]:
    """RE2 has no look-arounds: match the words, check their edges after."""
    pattern = re2.compile(rf"(?:{ALTERNATION})|\d+")
    return lambda text: sum(1 for m in pattern.finditer(text) if m.group(0)[0].isdigit() or whole(text, *m.span()))


def hyperscan_scanner() -> Callable[[str], int]:
    database = hyperscan.Database()
    expressions = [re.escape(word).encode() for word in WORDS] + [rb"\d+"]
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=[hyperscan.HS_FLAG_SOM_LEFTMOST] * len(expressions))

    def run(text: str) -> int:
        data, hits = text.encode(), []
        database.scan(data, match_event_handler=lambda i, start, end, flags, context: hits.append((start, end)))
        return len(hits)
    return run


def aho_corasick_scanner() -> Callable[[str], int]:
    """The tagger's own finder: an Aho-Corasick automaton for the words, `re` for the digit runs."""
    automaton = ahocorasick.Automaton()
    for word in WORDS:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    digits = re.compile(r"\d+")

    def run(text: str) -> int:
        words = sum(1 for last, size in automaton.iter(text) if whole(text, last + 1 - size, last + 1))
        return words + sum(1 for _ in digits.finditer(text))
    return run


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tbaq", nargs="?", default=str(DEFAULT_TBAQ))
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    texts = [read_timeml(p).text.translate(ASCII_LOWER) for p in tml_files([args.tbaq])]
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} TBAQ documents, {characters:,} characters, {len(WORDS)} trigger words")
    scanners = {
        "re (one pattern)": lookaround_scanner(re), "regex (one pattern)": lookaround_scanner(regex),
        "google-re2 (one pattern)": re2_scanner(), "hyperscan (bytes, all overlaps)": hyperscan_scanner(),
        "pyahocorasick + re digits": aho_corasick_scanner(),
        "timeline Finder (hits merged into windows)": lambda text: sum(len(w) for w in FINDER.windows(text)),
    }
    for name, scan in scanners.items():
        best, hits = float("inf"), 0
        for _ in range(args.repeat):
            began = time.process_time()
            hits = sum(scan(text) for text in texts)
            best = min(best, time.process_time() - began)
        print(f"{name:44s} {characters / best:14,.0f} characters/s  {hits:7,d} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
