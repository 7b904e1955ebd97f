"""What merging needs of each event, compact: a few numbers per event, column by column, and its words.

A :class:`SlimTable` holds dates as seconds, precision as a rank, the happening a
date names and the article as ids, and the evidence's content words as one
sparse row of weights (:mod:`.weights`: fixed, from general English, not from
the corpus): enough for :mod:`.merge` to plan at any corpus
size without holding the events. The store keeps the same fields as columns
(:func:`slim_fields`), so a re-merge never decodes records.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd

from ..model import Event, Modality, Placement
from ..temporal import lexicon as lx
from ..temporal.calendar import RANK
from .weights import HYPOTHETICAL_MARK, term_weight

KEPT_TERMS = 12  # terms kept per event for similarity (the rest weigh little)
LEADING_CHUNK = 200_000  # rows whose terms TermMatrix.leading ranks at once
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
# Month and weekday names say when, not what: "the October 7 attack" and "October 7, 2023" share no wording.
_NOT_TERMS = lx.TERM_STOP_WORDS | lx.DATE_NAME_WORDS
_EPOCH = datetime(1970, 1, 1)


def terms(sentence: str, date_text: str) -> dict[str, int]:
    """Content words of the evidence without the date words; capitalised words (names) count double.

    Computed for every per-article event (by the store's workers), so the words are lowered in one call (they are
    ASCII: lowering them joined is lowering each) and counted in a plain dict; ``most_common``'s order is
    ``sorted``'s, ties in first-seen order.
    """
    words = _WORD.findall(sentence.replace(date_text, " ") if date_text else sentence)
    if not words:
        return {}
    counts: dict[str, int] = {}
    for word, lower in zip(words, " ".join(words).lower().replace("'s", "").split(" "), strict=True):
        if lower not in _NOT_TERMS:
            counts[lower] = counts.get(lower, 0) + (2 if word[0] < "a" else 1)  # an ASCII capital sorts before "a"
    return dict(sorted(counts.items(), key=itemgetter(1), reverse=True)[:KEPT_TERMS])


def slim_fields(event: Event) -> tuple:
    """What merging needs of an event besides its article, in the order SlimBuilder.add takes it.

    The store keeps these as columns of its per-article events, so a re-merge never decodes the records.
    """
    counts = terms(event.sentence, event.date_text)
    if event.modality == Modality.HYPOTHETICAL:  # its own words: it never merges with a factual or planned event
        counts = {HYPOTHETICAL_MARK + term: count for term, count in counts.items()}
    return (event.begin, event.end, event.precision, event.named_as, event.year_guessed,
            event.placement == Placement.INFERRED, event.confidence, len(event.title), event.centrality, counts)


def seconds(moment: datetime) -> int:
    """Whole seconds from 1970, the form dates take in a SlimTable."""
    delta = moment - _EPOCH
    return delta.days * 86400 + delta.seconds


def moment(second_count: int) -> datetime:
    return _EPOCH + timedelta(seconds=int(second_count))


class TermMatrix:
    """Each event's terms as one sparse row of weights (count times the term's weight) scaled to unit length:
    a dot product is the cosine."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, weights: np.ndarray, term_weights: np.ndarray) -> None:
        self.indptr, self.indices, self.weights = indptr, indices, weights
        self.term_weights = term_weights  # by term id: the word's own weight (weights.term_weight), before scaling

    def row(self, i: int) -> dict[int, float]:
        start, stop = self.indptr[i], self.indptr[i + 1]
        return dict(zip(self.indices[start:stop].tolist(), self.weights[start:stop].tolist(), strict=True))

    def cosine(self, i: int, j: int) -> float:
        return dot(self.row(i), self.row(j))

    def take(self, rows: np.ndarray) -> TermMatrix:
        """These rows only, in this order (term ids and weights unchanged)."""
        starts, stops = self.indptr[rows], self.indptr[rows + 1]
        lengths = stops - starts
        picked = np.repeat(starts - np.r_[0, np.cumsum(lengths)[:-1]], lengths) + np.arange(lengths.sum())
        return TermMatrix(np.r_[0, np.cumsum(lengths)], self.indices[picked], self.weights[picked], self.term_weights)

    def leading(self, count: int, chunk: int = LEADING_CHUNK) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each row's ``count`` most weighted entries (equal weights keep their order in the row), row after row,
        as three arrays: the row (int32), the entry's place among them (0 for the heaviest), and the entry (an
        index of ``indices``/``weights``). Ranked ``chunk`` rows at a time: ranking every entry at once held
        several int64 copies of all of them (hundreds of MB at 100,000 articles)."""
        total = len(self.indptr) - 1
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for first in range(0, total, chunk):
            bounds = self.indptr[first:min(first + chunk, total) + 1]
            rows = np.repeat(np.arange(first, first + len(bounds) - 1, dtype=np.int32), np.diff(bounds))
            by_weight = np.lexsort((-self.weights[bounds[0]:bounds[-1]], rows))
            place = np.arange(len(by_weight)) - (bounds[rows[by_weight] - first] - bounds[0])
            kept = place < count
            parts.append((rows[by_weight[kept]], place[kept].astype(np.int8), by_weight[kept] + bounds[0]))
        if not parts:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.int64)
        return tuple(np.concatenate(column) for column in zip(*parts, strict=True))

    def top_terms(self, i: int, count: int) -> list[int]:
        start, stop = self.indptr[i], self.indptr[i + 1]
        weights = self.weights[start:stop]
        return self.indices[start:stop][np.argsort(-weights, kind="stable")[:count]].tolist()


def dot(a: dict[int, float], b: dict[int, float]) -> float:
    return sum(a[term] * b[term] for term in a.keys() & b.keys())


@dataclass
class SlimTable:
    """What merging needs of each event before merging, one compact column per field."""

    begin: np.ndarray  # int64 seconds from 1970
    end: np.ndarray
    precision: np.ndarray  # int8 rank (calendar.RANK: higher is finer)
    named: np.ndarray  # int32 id of the happening the date names, -1 for none
    year_guessed: np.ndarray  # bool
    inferred: np.ndarray  # bool: the time is inferred (no date in the happening's clause), a guess, not a statement
    article: np.ndarray  # int32 id of the article
    confidence: np.ndarray  # float64
    title_length: np.ndarray  # int32
    centrality: np.ndarray  # float64
    terms: TermMatrix

    def __len__(self) -> int:
        return len(self.begin)

    def take(self, rows: np.ndarray) -> SlimTable:
        """A table of these rows only (a date block), in this order."""
        return SlimTable(*(getattr(self, f.name)[rows] for f in fields(self) if f.name != "terms"),
                         self.terms.take(rows))


class SlimBuilder:
    """Collects slim records one at a time into growing arrays, interning every string to an id."""

    def __init__(self) -> None:
        self._ids: dict[str, dict[str, int]] = {"term": {}, "named": {}, "article": {}}
        self._columns = {name: array(code) for name, code in (
            ("begin", "q"), ("end", "q"), ("precision", "b"), ("named", "i"), ("year_guessed", "b"),
            ("inferred", "b"), ("article", "i"), ("confidence", "d"), ("title_length", "i"), ("centrality", "d"))}
        self._indptr, self._indices, self._counts = array("q", [0]), array("i"), array("f")
        self._term_weights = array("f")

    def _id(self, kind: str, key: str) -> int:
        table = self._ids[kind]
        found = table.get(key)
        if found is None:
            found = table[key] = len(table)
            if kind == "term":
                self._term_weights.append(term_weight(key))
        return found

    def add(self, article_id: str, begin: datetime, end: datetime, precision: str, named_as: str, year_guessed: bool,
            inferred: bool, confidence: float, title_length: int, centrality: float, term_counts: dict[str, int]) -> None:
        values = (seconds(begin), seconds(end), RANK[precision], self._id("named", named_as) if named_as else -1,
                  year_guessed, inferred, self._id("article", article_id), confidence, title_length, centrality)
        for column, value in zip(self._columns.values(), values, strict=True):
            column.append(value)
        for term, count in term_counts.items():
            term_id = self._id("term", term)
            self._indices.append(term_id)
            self._counts.append(count)
        self._indptr.append(len(self._indices))

    def add_event(self, event: Event) -> None:
        self.add(event.sources[0].article_id, *slim_fields(event))

    def finish(self) -> SlimTable:
        """The table, each row's weights scaled to unit length; terms and names numbered in alphabetical order.

        The numbering does not depend on which articles came first, so neither does the order in which the
        merge visits its blocking keys: a block merges alike in any corpus that holds it. Columns are views
        of the builder's arrays, not copies: at a million events copies would double the peak.
        """
        columns = {name: np.frombuffer(column, dtype=column.typecode) for name, column in self._columns.items()}
        indptr = np.frombuffer(self._indptr, dtype=np.int64)
        alphabetical = _alphabetical(self._ids["term"])
        indices = alphabetical[np.frombuffer(self._indices, dtype=np.int32)]
        term_weights = np.empty(len(alphabetical), dtype=np.float32)
        term_weights[alphabetical] = np.frombuffer(self._term_weights, dtype=np.float32)
        weights = _unit_rows(indptr, np.frombuffer(self._counts, dtype=np.float32) * term_weights[indices])
        named = np.r_[_alphabetical(self._ids["named"]), -1][columns["named"]]  # -1 (no name) stays -1
        return SlimTable(columns["begin"], columns["end"], columns["precision"], named,
                         columns["year_guessed"].view(bool), columns["inferred"].view(bool), columns["article"],
                         columns["confidence"], columns["title_length"], columns["centrality"],
                         TermMatrix(indptr, indices, weights, term_weights))


class TermColumns:
    """Events' term counts gathered a chunk of rows at a time as numbers, each word kept once (ids in order of
    first sight, as SlimBuilder numbers them before finishing)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.lengths: list[np.ndarray] = []
        self.codes: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []

    def extend(self, rows: list[dict[str, int]]) -> None:
        words = list(chain.from_iterable(rows))
        codes, distinct = pd.factorize(pd.Series(words, dtype=object))
        ids = np.array([self.ids.setdefault(word, len(self.ids)) for word in distinct.tolist()], dtype=np.int32)
        self.lengths.append(np.fromiter(map(len, rows), dtype=np.int64, count=len(rows)))
        self.codes.append(ids[codes] if len(words) else np.zeros(0, dtype=np.int32))
        self.counts.append(np.fromiter(chain.from_iterable(row.values() for row in rows), dtype=np.float32,
                                       count=len(words)))

    def matrix(self) -> TermMatrix:
        """The rows as SlimBuilder.finish makes them: terms numbered alphabetically, weights of unit length."""
        alphabetical = _alphabetical(self.ids)
        indices = alphabetical[np.concatenate([np.zeros(0, dtype=np.int32), *self.codes])]
        term_weights = np.empty(len(alphabetical), dtype=np.float32)
        term_weights[alphabetical] = np.array([term_weight(word) for word in self.ids], dtype=np.float32)
        indptr = np.r_[0, np.cumsum(np.concatenate([np.zeros(0, dtype=np.int64), *self.lengths]))].astype(np.int64)
        counts = np.concatenate([np.zeros(0, dtype=np.float32), *self.counts])
        return TermMatrix(indptr, indices, _unit_rows(indptr, counts * term_weights[indices]), term_weights)


class ColumnChunks:
    """A store's columns read a chunk of rows at a time into the table SlimBuilder would give, keeping numbers
    only: precision names become ranks and happening names and article ids are interned as they come (ids in
    order of first sight, alphabetical at the end), so no column of strings is ever held whole (at 100,000
    articles those were hundreds of MB). Columns that are not the table's are kept as they come."""

    _INTERNED = ("named_as", "article_id")

    def __init__(self) -> None:
        self.terms = TermColumns()
        self.ids: dict[str, dict[str, int]] = {name: {} for name in self._INTERNED}
        self.parts: dict[str, list[np.ndarray]] = {}

    def extend(self, chunk: pd.DataFrame, term_rows: list[dict[str, int]]) -> None:
        """``chunk``: dates as seconds, precision names, happening names (None or "" for none), article ids and
        the other numbers, one row per event; ``term_rows``: their term counts."""
        self.terms.extend(term_rows)
        for name, values in chunk.items():
            if name == "precision":
                column = values.map(RANK).to_numpy(dtype=np.int8)
            elif name in self.ids:
                codes, distinct = pd.factorize(values.mask(values == ""))  # missing: no name, code -1
                ids = self.ids[name]
                known = np.array([ids.setdefault(key, len(ids)) for key in distinct.tolist()], dtype=np.int32)
                column = np.r_[known, -1].astype(np.int32)[codes]
            else:
                column = values.to_numpy()
            self.parts.setdefault(name, []).append(column)

    def finish(self) -> tuple[SlimTable, dict[str, np.ndarray]]:
        """The table (rows in the order read), and the other columns by name."""
        columns = {name: np.concatenate(parts) for name, parts in self.parts.items()}
        self.parts.clear()
        for name in self._INTERNED:  # ids in order of first sight -> alphabetical ranks; -1 (none) stays -1
            columns[name] = np.r_[_alphabetical(self.ids[name]), -1][columns.get(name, np.zeros(0, dtype=np.int32))]
        table = SlimTable(*(columns.pop(name, np.zeros(0)).astype(dtype) for name, dtype in (
            ("begin", np.int64), ("end", np.int64), ("precision", np.int8), ("named_as", np.int32),
            ("year_guessed", bool), ("inferred", bool), ("article_id", np.int32), ("confidence", np.float64),
            ("title_length", np.int32), ("centrality", np.float64))), self.terms.matrix())
        return table, columns


def _unit_rows(indptr: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each row's weights scaled to unit length (in place), so a dot product of two rows is their cosine."""
    total = len(indptr) - 1
    rows = np.repeat(np.arange(total, dtype=np.int32), np.diff(indptr))
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=total)).astype(np.float32)
    norms[norms == 0] = 1.0
    weights /= norms[rows]
    return weights


def _alphabetical(ids: dict[str, int]) -> np.ndarray:
    """For each id given in order of first sight, its rank in alphabetical order of the strings."""
    rank = np.empty(len(ids), dtype=np.int32)
    rank[[ids[key] for key in sorted(ids)]] = np.arange(len(ids), dtype=np.int32)
    return rank


def slim_table(events: Iterable[Event]) -> SlimTable:
    builder = SlimBuilder()
    for event in events:
        builder.add_event(event)
    return builder.finish()
