"""Reading the SVG overview as a reader does: where its marks and labels are, and which date the axis gives a place."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date, datetime

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    """The overview parsed as XML: it must be well-formed, whatever the articles say."""
    return ElementTree.fromstring(svg)


def groups(svg: ElementTree.Element, kind: str) -> list[ElementTree.Element]:
    return [g for g in svg.iter(f"{SVG}g") if g.get("class") == kind]


def mark_x(mark: ElementTree.Element) -> float:
    """Where a mark's date is across the drawing: a bar's start, a dot's or a diamond's middle."""
    shape = mark[0]
    if shape.tag == f"{SVG}rect":
        return float(shape.get("x"))
    if shape.tag == f"{SVG}circle":
        return float(shape.get("cx"))
    return float(shape.get("points").split()[0].split(",")[0])  # a diamond's top point


def mark_date(mark: ElementTree.Element, begin: datetime, end: datetime) -> datetime:
    """The moment a mark's x stands for: a bar's start, a dot's middle of its day or hour."""
    return begin if mark[0].tag == f"{SVG}rect" else begin + (end - begin) / 2


def read_axis(svg: ElementTree.Element, when: datetime) -> float | None:
    """The x the date axis gives ``when``, read between the two dated ticks around it, or None where that cannot be
    read straight (outside the outer ticks, or with a folded gap between them)."""
    ticks = [(date.fromisoformat(t.get("data-date")), float(t.find(f"{SVG}line").get("x1"))) for t in groups(svg, "tick")]
    folds = [(datetime.fromisoformat(f.get("data-begin")), datetime.fromisoformat(f.get("data-end")))
             for f in groups(svg, "fold")]
    before = [(d, x) for d, x in ticks if d <= when.date()]
    after = [(d, x) for d, x in ticks if d > when.date()]
    if not before or not after:
        return None
    (d0, x0), (d1, x1) = before[-1], after[0]
    start, stop = datetime.combine(d0, datetime.min.time()), datetime.combine(d1, datetime.min.time())
    if any(start < b and a < stop for a, b in folds):
        return None
    return x0 + (x1 - x0) * (when - start) / (stop - start)


def empty_tail(svg: ElementTree.Element) -> float:
    """The share of the story's axis after its latest mark: empty time a reader must look across for nothing."""
    lanes = [r for r in svg if r.tag == f"{SVG}rect" and r.get("fill") == "#f3f5f8"]  # the story's lane bands
    left = float(lanes[0].get("x"))
    right = left + float(lanes[0].get("width"))
    ends = []
    for mark in groups(svg, "mark"):
        if mark.get("data-panel") != "0":
            continue
        shape = mark[0]
        if shape.tag == f"{SVG}rect":
            ends.append(float(shape.get("x")) + float(shape.get("width")))
        else:
            ends.append(mark_x(mark))
    return (right - max(ends)) / (right - left)
