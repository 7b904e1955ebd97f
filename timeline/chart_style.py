"""How the chart's marks look, for both its drawings: the interactive Plotly chart (``viz``) and the SVG overview
(``overview``) draw the same colours, marks and legend from here, so the two never tell a reader different things.

A source keeps its colour; a day is a dot and a month or longer a bar (``POINT_PRECISIONS``); an inferred time
is hollow or dotted, a planned one a diamond or hatched; an uncertain date is faint and a date the sources
disagree on has a red ring.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from .human_dates import UNCERTAIN_BELOW

# Okabe–Ito and Tol's colour-blind-safe colours (no yellow: labels must stay readable on white).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255", "#117733",
           "#999933", "#44AA99", "#AA4499"]
CONFLICT = "#D55E00"  # the ring of a date the sources disagree on
NO_SOURCE = "#555555"
INK = "#1d2433"  # labels
MUTED = "#5b6475"  # the legend's marks, notes on the chart
LANE_SHADE = "#f3f5f8"  # every other lane's background
LANE_INK = "#3b4252"  # lane names
FOLD_INK = "#8a93a3"  # the dotted line where an empty stretch is folded away
LABEL_PX, LANE_NAME_PX = 11, 12  # font sizes: labels and legend, lane names (the layout's CHAR_PX is for LABEL_PX)
# The labels' font, in both drawings: the layout measures each label with its widths (``text_px``), so the text
# drawn ends where the layout says. An image cannot load web fonts, and Plotly's own list ('Open Sans', verdana, …)
# falls to fonts of other widths on each machine; Arial's widths are Liberation Sans's, and Helvetica's nearly.
FONT = "arial, 'Liberation Sans', helvetica, sans-serif"
# Arial's advance widths in thousandths of the font size (measured in Chromium with Liberation Sans), by width; any
# other character is measured by ``_other_width``.
_WIDTHS = {191: "'", 222: "ijl’‘", 260: "|", 278: " !,./:;I[\\]ft·í", 333: "()-`r“”", 334: "{}", 355: '"', 389: "*",
           469: "^", 500: "Jcksvxyzç", 556: "#$0123456789?L_abdeghnopqu–éáóúñüöäàèâêô", 584: "+<=>~", 611: "FTZ",
           667: "&ABEKPSVXY", 722: "CDHNRUw", 778: "GOQ", 833: "Mm", 889: "%", 944: "W", 1000: "…—", 1015: "@"}
_WIDTH = {char: width / 1000 for width, chars in _WIDTHS.items() for char in chars}
SOLID, FAINT = 0.85, 0.35  # a mark's opacity: a certain date, an uncertain one
HALO_PX = 2.5  # the outline's width round a label inside its bar (``label_halos``)
INFERRED_FILL = 0.45  # an inferred bar's fill, paler still (its pattern "." in MARKS)

# Marks by how the event's time is known and whether it happened: (marker symbol, bar pattern, legend words).
MARKS = {
    "written": ("circle", "", "exact day (marker) · month, year or longer (bar)"),
    "inferred": ("circle-open", ".", "placed by inference (hollow / dotted)"),
    "planned": ("diamond", "/", "planned or expected (diamond / hatched)"),
    "hypothetical": ("diamond-open", "x", "hypothetical or conditional: not known to happen (hollow diamond / crossed)"),
}
PALE_PATTERNS = (".", "x")  # patterns of marks whose time or happening is not known (inferred, hypothetical):
# their bars drawn paler (INFERRED_FILL)
SPAN_ROWS = 0.55  # a bar's height, in rows
MARGIN_PX = 10  # left and right of the plot
ROWS_ABOVE, ROWS_BELOW = 0.8, 0.2  # the plot's room above its first row's middle, and below its last row's
SOURCES_TITLE, MARKS_TITLE = "Colour: first source", "Marks"
LEGEND_SOURCES = len(PALETTE)  # sources the legend names (the most frequent); past as many colours as the palette
# has, colours repeat and a list of them would tell a reader nothing
UNCERTAIN_WORDS = "uncertain date (faint)"
CONFLICT_WORDS = "sources disagree on the date (red ring)"


OTHER_SCRIPT_EM = 0.65  # a letter of a script the table lacks (Cyrillic, Greek, Arabic …): at most this wide in
# the fallback fonts (DejaVu's Cyrillic is the widest, about 0.65 em); East Asian wide characters take a whole em


def _other_width(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else OTHER_SCRIPT_EM


def text_px(text: str, size: float = LABEL_PX) -> float:
    """How wide ``text`` is drawn in FONT at ``size`` pixels."""
    return size * sum(_WIDTH.get(char) or _other_width(char) for char in text)


class SourceColours:
    """A colour per source that stays put: picked from a hash of the name, then remembered.

    The hash makes a source's colour the same in every export and session; remembering it (the dashboard
    keeps one of these per session) means a new upload never repaints the sources already on screen.
    """

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def __call__(self, outlet: str) -> str:
        if outlet not in self.known:
            start = zlib.crc32(outlet.encode("utf-8")) % len(PALETTE)
            taken = set(self.known.values())
            free = [PALETTE[(start + step) % len(PALETTE)] for step in range(len(PALETTE))
                    if PALETTE[(start + step) % len(PALETTE)] not in taken]
            self.known[outlet] = free[0] if free else PALETTE[start]
        return self.known[outlet]


def mark_kind(placement: str, modality: str) -> str:
    """Which of MARKS an event gets: hypothetical or planned first (whether it happened matters more than how its
    time is known), then inferred, else written."""
    if modality in ("planned", "hypothetical"):
        return modality
    return "inferred" if placement == "inferred" else "written"


def mark_kinds(events: pd.DataFrame) -> list[str]:
    return [mark_kind(p, m) for p, m in zip(events["placement"], events["modality"], strict=True)]


def event_colours(events: pd.DataFrame, colours: SourceColours) -> list[str]:
    """Each event's colour: its first source's."""
    return [colours(outlets[0]) if len(outlets) else NO_SOURCE for outlets in events["outlets"]]


def opacities(confidence: Iterable[float]) -> list[float]:
    return [SOLID if c >= UNCERTAIN_BELOW else FAINT for c in confidence]


def label_inks(colours: Sequence[str], kinds: Sequence[str], confidence: Iterable[float],
               inside: Iterable[bool]) -> list[str]:
    """Each label's colour: INK beside its mark; inside its own bar, INK or white, whichever stands out more from the
    bar as drawn (its colour at its opacity over the white page, paler when inferred: WCAG's contrast ratio). A
    hatched bar is drawn as wide near-white stripes between its colour's: INK, which its halo (``label_halos``)
    carries across the coloured stripes."""
    inks = []
    for colour, kind, opacity, within in zip(colours, kinds, opacities(confidence), inside, strict=True):
        if not within or MARKS[kind][1] == "/":
            inks.append(INK)
            continue
        alpha = opacity * (INFERRED_FILL if MARKS[kind][1] in PALE_PATTERNS else 1.0)
        shown = [alpha * channel + (1 - alpha) * 255 for channel in _rgb(colour)]
        inks.append(INK if contrast(shown, INK) >= contrast(shown, "#ffffff") else "#ffffff")
    return inks


def label_halos(inks: Iterable[str], inside: Iterable[bool]) -> list[str]:
    """The halo around each label inside its bar, "" for none: a thin outline of the other ink, so dark text keeps a
    white ground over a hatched bar's coloured stripes and white text a dark one over the palette's middle tones
    (#0072B2, #AA4499 reach only about 4:1 with either ink alone; 11 px text asks for 4.5:1)."""
    return [("#ffffff" if ink == INK else INK) if within else "" for ink, within in zip(inks, inside, strict=True)]


def halo_shadows(halos: Iterable[str]) -> list[str]:
    """The halos as CSS text shadows, for the interactive chart (Plotly draws no outline round text): a few tight
    shadows stacked make an outline about HALO_PX wide."""
    return [", ".join([f"0 0 {HALO_PX / 2:g}px {halo}"] * 3) if halo else "none" for halo in halos]


def contrast(one: Sequence[float] | str, other: Sequence[float] | str) -> float:
    """WCAG's contrast ratio of two colours ("#rrggbb" or 0–255 channels): 4.5 is the usual floor for small text."""
    light, dark = sorted((_luminance(_rgb(c) if isinstance(c, str) else c) for c in (one, other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(colour: str) -> list[int]:
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def _luminance(rgb: Sequence[float]) -> float:
    """WCAG's relative luminance of an sRGB colour (0–255 a channel)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def point_sizes(n_sources: Iterable[int]) -> list[int]:
    """A dot's diameter in pixels: bigger with more sources."""
    return [9 + 3 * min(n - 1, 5) for n in n_sources]


def outlines(conflict: Iterable[bool], normal: str) -> tuple[list[str], list[int]]:
    """Each mark's outline colour and width: a red ring where the sources disagree on the date."""
    conflict = list(conflict)
    return [CONFLICT if c else normal for c in conflict], [3 if c else 1 for c in conflict]


def point_outlines(kinds: Iterable[str], colours: Iterable[str], conflict: Iterable[bool]) -> tuple[list[str], list[int]]:
    """Each dot's outline colour and width: a hollow (inferred) dot is its outline, in its colour and at least
    2 px; any dot gets a red ring where the sources disagree on the date."""
    rings, widths = outlines(conflict, "#ffffff")
    hollow = [MARKS[kind][0].endswith("open") for kind in kinds]
    return ([ring if ring == CONFLICT or not open_ else colour
             for ring, colour, open_ in zip(rings, colours, hollow, strict=True)],
            [max(width, 2) if open_ else width for width, open_ in zip(widths, hollow, strict=True)])


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a source's colour (``kind`` "source"), how many sources it leaves out ("more") or a
    kind of mark (a MARKS key, "uncertain" or "conflict")."""

    group: str  # SOURCES_TITLE or MARKS_TITLE
    words: str  # raw text: each drawing escapes it
    kind: str
    colour: str = MUTED


def more_sources(count: int) -> str:
    """The legend's line for the sources it does not name (the exported page's script words it alike)."""
    return f"{count} more source{'' if count == 1 else 's'} (colours repeat)"


def legend(events: pd.DataFrame, colours: SourceColours, kinds: Sequence[str]) -> list[LegendEntry]:
    """What each colour and each kind of mark on the chart means: the sources shown, the mark kinds drawn (``kinds``:
    each event's), and the faint and ringed marks when there are any."""
    counts = Counter(o[0] for o in events["outlets"] if len(o))
    named = sorted(sorted(counts, key=lambda outlet: (-counts[outlet], outlet))[:LEGEND_SOURCES])
    entries = [LegendEntry(SOURCES_TITLE, outlet, "source", colours(outlet)) for outlet in named]
    if len(counts) > len(named):
        entries.append(LegendEntry(SOURCES_TITLE, more_sources(len(counts) - len(named)), "more"))
    drawn = set(kinds) | {"written"}
    entries += [LegendEntry(MARKS_TITLE, words, kind) for kind, (_, _, words) in MARKS.items() if kind in drawn]
    if (events["confidence"] < UNCERTAIN_BELOW).any():
        entries.append(LegendEntry(MARKS_TITLE, UNCERTAIN_WORDS, "uncertain"))
    if events["conflict"].any():
        entries.append(LegendEntry(MARKS_TITLE, CONFLICT_WORDS, "conflict"))
    return entries
