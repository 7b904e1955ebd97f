"""Where the per-article step's regular expressions spend their time: wall time per article of each compiled pattern.

    python benchmarks/bench_patterns.py [--top 30] [--corpus DIR]

The regex engine is about two fifths of the step's instructions (benchmarks/README.md, "Seventh session: the
per-article step"), spread over some eighty patterns in many modules, which a function profile does not show
apart. Every module-level pattern of ``timeline.temporal`` and ``timeline.events`` and every tagging rule's pattern
is replaced by a stand-in that times its calls (and, for ``finditer``, the iteration); the TBAQ documents (or a
corpus folder's articles) are processed once to warm up, then once measured. The stand-ins cost about a
microsecond a call (CPU time), so the total is an upper bound; the ranking is what to read.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_article import article_sets  # noqa: E402

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_TIMED = frozenset({"search", "match", "fullmatch", "sub", "split", "findall"})  # finditer is timed as it iterates


class Timed:
    """A compiled pattern whose calls are timed under its module and name."""

    def __init__(self, pattern: re.Pattern, name: str) -> None:
        self.pattern, self.name = pattern, name

    def __getattr__(self, attribute: str):
        if attribute in _TIMED:
            return partial(self._timed, attribute)
        return getattr(self.pattern, attribute)

    def _timed(self, method: str, *args, **kwargs):
        began = time.process_time()
        try:
            return getattr(self.pattern, method)(*args, **kwargs)
        finally:
            SPENT[self.name] += time.process_time() - began
            CALLS[self.name] += 1

    def finditer(self, *args, **kwargs) -> Iterator[re.Match]:
        matches = self.pattern.finditer(*args, **kwargs)
        CALLS[self.name] += 1
        while True:
            began = time.process_time()
            found = next(matches, None)
            SPENT[self.name] += time.process_time() - began
            if found is None:
                return
            yield found


def wrap_patterns() -> int:
    """Replace the patterns of the per-article step's modules and rules by timed stand-ins; how many."""
    import timeline.events
    import timeline.temporal
    from timeline.temporal.rules import RULES

    count = 0
    for package in (timeline.temporal, timeline.events):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    setattr(module, name, Timed(value, f"{info.name.removeprefix('timeline.')}.{name}"))
                    count += 1
    for rule in RULES:
        object.__setattr__(rule, "regex", Timed(rule.regex, f"rule {rule.name}"))
        count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--corpus", type=Path, help="a folder made by make_corpus.py instead of the TBAQ documents")
    args = parser.parse_args()
    wrapped = wrap_patterns()
    from timeline.parallel import process_article

    sets = article_sets(args.corpus)
    articles = sets[args.corpus.name] if args.corpus else sets["tbaq"]
    for article in articles:
        process_article(article)
    SPENT.clear()
    CALLS.clear()
    began = time.process_time()
    for article in articles:
        article.warnings.clear()
        process_article(article)
    total = (time.process_time() - began) / len(articles)
    print(f"{len(articles)} articles, {wrapped} patterns timed: {total * 1e3:.2f} ms CPU per article, of which "
          f"{sum(SPENT.values()) / len(articles) * 1e3:.2f} ms in the patterns")
    for name, spent in sorted(SPENT.items(), key=lambda item: -item[1])[:args.top]:
        print(f"{spent / len(articles) * 1e3:7.3f} ms {CALLS[name] / len(articles):6.1f} calls  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
