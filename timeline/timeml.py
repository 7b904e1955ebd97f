"""Read TimeML (.tml) files: the plain text with its gold TIMEX3s, EVENTs, event instances and TLINKs.

TimeBank and AQUAINT (TBAQ) annotate every happening as an EVENT with a class
(OCCURRENCE, STATE, REPORTING …), its instance's tense, aspect, polarity and
modality, and links (TLINK) that place events against times and the document
time (DCT); SLINKs say when an event is only wanted, conditional or denied.
Offsets are into the plain text of <TEXT>, tags removed and entities decoded.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_LINK = re.compile(r"<(TLINK|SLINK|MAKEINSTANCE)\b([^>]*)/?>")
DCT_ID = "t0"  # the document time's tid in TBAQ
# A TLINK read from the other side: "t INCLUDES e" is "e IS_INCLUDED t".
INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE", "INCLUDES": "IS_INCLUDED",
           "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS", "ENDS": "ENDED_BY",
           "ENDED_BY": "ENDS", "DURING": "DURING_INV", "DURING_INV": "DURING"}


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass
class GoldEvent:
    """One annotated happening with its first instance's attributes."""

    start: int
    end: int
    text: str
    eid: str
    cls: str  # OCCURRENCE, STATE, I_STATE, I_ACTION, REPORTING, ASPECTUAL, PERCEPTION
    tense: str = "NONE"
    aspect: str = "NONE"
    polarity: str = "POS"
    modality: str = ""
    subordinated: set[str] = field(default_factory=set)  # SLINK types that govern it (MODAL, CONDITIONAL …)
    time_links: list[tuple[str, str]] = field(default_factory=list)  # (relation, tid), read as "event REL time"


@dataclass
class TimeMLDocument:
    name: str
    dct: str | None
    text: str
    gold: list[GoldTimex]
    events: list[GoldEvent] = field(default_factory=list)

    def timex(self, tid: str) -> GoldTimex | None:
        return next((t for t in self.gold if t.tid == tid), None)


def read_timeml(path: Path) -> TimeMLDocument:
    """Plain text of <TEXT>, its gold TIMEX3s and EVENTs with character offsets, links, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    events: list[GoldEvent] = []
    open_tags: dict[str, tuple[int, dict[str, str]]] = {}
    position = 0
    segment = body.group(1)
    for m in _TAG.finditer(segment):
        chunk = html.unescape(segment[position:m.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = m.end()
        closing, name = m.group(1), m.group(2)
        if name not in ("TIMEX3", "EVENT"):
            continue
        if not closing:
            open_tags[name] = (length, dict(_ATTR.findall(m.group(3))))
        elif name in open_tags:
            start, attrs = open_tags.pop(name)
            if name == "TIMEX3":
                gold.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", ""), attrs.get("tid", "")))
            else:
                events.append(GoldEvent(start, length, "", attrs.get("eid", ""), attrs.get("class", "")))
    pieces.append(html.unescape(segment[position:]))
    text = "".join(pieces)
    for item in (*gold, *events):
        item.text = text[item.start:item.end]
    document = TimeMLDocument(path.name, dct_match.group(1) if dct_match else None, text, gold, events)
    _read_links(raw[body.end():], document)
    return document


def _read_links(tail: str, document: TimeMLDocument) -> None:
    """Instances give events their tense, aspect, polarity and modality; links are filed on their event."""
    by_eid = {e.eid: e for e in document.events}
    by_instance: dict[str, GoldEvent] = {}
    links = [(m.group(1), dict(_ATTR.findall(m.group(2)))) for m in _LINK.finditer(tail)]
    for kind, attrs in links:
        event = by_eid.get(attrs.get("eventID", ""))
        if kind != "MAKEINSTANCE" or event is None:
            continue
        if not any(other is event for other in by_instance.values()):  # the first instance speaks for the event
            event.tense, event.aspect = attrs.get("tense", "NONE"), attrs.get("aspect", "NONE")
            event.polarity, event.modality = attrs.get("polarity", "POS"), attrs.get("modality", "").lower()
        by_instance[attrs.get("eiid", "")] = event
    for kind, attrs in links:
        relation = attrs.get("relType", "")
        if kind == "SLINK":
            event = by_instance.get(attrs.get("subordinatedEventInstance", ""))
            if event is not None:
                event.subordinated.add(relation)
        elif kind == "TLINK":
            if "eventInstanceID" in attrs and "relatedToTime" in attrs and attrs["eventInstanceID"] in by_instance:
                by_instance[attrs["eventInstanceID"]].time_links.append((relation, attrs["relatedToTime"]))
            elif "timeID" in attrs and "relatedToEventInstance" in attrs and attrs["relatedToEventInstance"] in by_instance:
                by_instance[attrs["relatedToEventInstance"]].time_links.append(
                    (INVERSE.get(relation, relation), attrs["timeID"]))


def tml_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.tml")) if p.is_dir() else [p])
    return files
