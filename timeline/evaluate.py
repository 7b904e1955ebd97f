"""Score the tagger on TimeML (.tml) files with the TempEval-3 Task A timex measures.

Strict span: the system extent equals the gold extent. Relaxed span: they
overlap (each gold and system timex used once). Value and type F1 follow the
TE3 scorer: attributes are compared on relaxed matches, and the number of
correct attributes is divided by the system count (precision) and the gold
count (recall).

    python -m timeline.evaluate ../shared/corpora/tbaq/TimeBank ../shared/corpora/tbaq/AQUAINT
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from .model import Timex
from .temporal import tag
from .timeml import TimeMLDocument, read_timeml, tml_files


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[str] = field(default_factory=list)
    value_differences: Counter = field(default_factory=Counter)  # kind of difference -> count

    @staticmethod
    def f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
        p = correct / system if system else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        rows = [("strict span", self.strict), ("relaxed span", self.relaxed), ("value", self.value), ("type", self.type)]
        lines = [f"{'measure':<14}{'P':>8}{'R':>8}{'F1':>8}"]
        for name, correct in rows:
            p, r, f = self.f1(correct, self.system, self.gold)
            lines.append(f"{name:<14}{p:8.3f}{r:8.3f}{f:8.3f}")
        lines.append(f"gold timexes {self.gold}, system timexes {self.system}")
        kinds = ", ".join(f"{count} {kind}" for kind, count in self.value_differences.most_common())
        lines.append(f"value differences on matched timexes: {kinds or 'none'}")
        conventions = sum(count for kind, count in self.value_differences.items() if kind != "other")
        if conventions:
            lenient = self.f1(self.value + conventions, self.system, self.gold)[2]
            lines.append(f"diagnostic, not a TE3 score: value F1 {lenient:.3f} if the {conventions} differences of "
                         "annotation convention counted as agreement")
        return "\n".join(lines)


def score_document(doc: TimeMLDocument, predicted: list[Timex], scores: Scores, keep_errors: bool) -> None:
    scores.gold += len(doc.gold)
    scores.system += len(predicted)
    unused = list(predicted)
    for g in doc.gold:
        match = next((p for p in unused if p.start == g.start and p.end == g.end), None)
        if match is not None:
            scores.strict += 1
        else:
            match = next((p for p in unused if p.start < g.end and g.start < p.end), None)
        if match is None:
            if keep_errors:
                scores.errors.append(f"{doc.name}\tMISSED\t{g.text!r}\t{g.type}\t{g.value}\t{_context(doc.text, g.start, g.end)}")
            continue
        unused.remove(match)
        scores.relaxed += 1
        scores.value += match.value == g.value
        if match.value != g.value:
            scores.value_differences[value_difference(g.value, match.value)] += 1
        scores.type += match.type == g.type
        if keep_errors and (match.value != g.value or match.type != g.type or (match.start, match.end) != (g.start, g.end)):
            scores.errors.append(
                f"{doc.name}\tWRONG\t{g.text!r}->{match.text!r}\t{g.type}->{match.type}\t{g.value}->{match.value}"
                f"\tdct={doc.dct}\t{match.explanation}\t{_context(doc.text, g.start, g.end)}")
    if keep_errors:
        for p in unused:
            scores.errors.append(f"{doc.name}\tSPURIOUS\t{p.text!r}\t{p.type}\t{p.value}\t{_context(doc.text, p.start, p.end)}")


_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")


def value_difference(gold: str, system: str) -> str:
    """Name the kind of a value disagreement, to separate annotation conventions from mistakes."""
    specified = re.sub(r"(?:-W?XX)+$|X+$", "", gold)
    if specified != gold and system.startswith(specified):
        return "gold leaves unspecified what the text and DCT give"  # 1989-WXX vs 1989-W43; 1949-XX vs 1949
    if _PART_OF_DAY.sub("", gold) == _PART_OF_DAY.sub("", system):
        return "part of day only"  # 2000-01-05 vs 2000-01-05TNI
    return "other"


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - 60):start] + "[" + text[start:end] + "]" + text[end:end + 40]).split())


def evaluate(paths: list[str], keep_errors: bool = False) -> tuple[Scores, float, int]:
    """Score every .tml under ``paths``; returns the scores, tagging seconds and characters tagged."""
    scores = Scores()
    seconds, characters = 0.0, 0
    for path in tml_files(paths):
        doc = read_timeml(path)
        began = time.perf_counter()
        predicted = tag(doc.text, doc.dct)
        seconds += time.perf_counter() - began
        characters += len(doc.text)
        score_document(doc, predicted, scores, keep_errors)
    return scores, seconds, characters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline evaluate tempeval", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help=".tml files or folders of them")
    parser.add_argument("--errors", action="store_true", help="list every missed, spurious and wrong timex")
    args = parser.parse_args(argv)
    files = tml_files(args.paths)
    if not files:
        print(f"no .tml files under {' '.join(args.paths)}", file=sys.stderr)
        return 2
    scores, seconds, characters = evaluate(args.paths, args.errors)
    if args.errors:
        print("\n".join(scores.errors))
    print(f"{len(files)} documents, {characters:,} characters tagged in {seconds:.2f} s "
          f"({characters / seconds:,.0f} characters/s)" if seconds else "")
    print(scores.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
