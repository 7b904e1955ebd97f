"""Find the happenings (TimeML EVENTs) in a sentence and tell what kind each is.

A linear model over word, shape and context features labels every word as no
happening, or a happening that is factual, planned, hypothetical (negated,
conditional, only wanted), a background state, or a report ("said"). It was
trained on TBAQ (``python -m timeline.events.train``) and ships as plain JSON
weights: small, fast to load, and nothing is executed when it is read. No
part-of-speech tagger is needed, so it runs on any text.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import accumulate, chain

import numpy as np

from ..model import Modality

MODEL_FILE = "happenings.json"
# Words whose own features a long-lived model remembers (a worker or the dashboard reads article after article).
MAX_REMEMBERED_WORDS = 200_000
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")
# Words before a happening that change what it is, each kept as a feature: "will sign", "would sign",
# "did not sign", "has signed", "plans to sign", "if they sign".
_CUES = frozenset({
    "will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "not", "n't", "never", "no",
    "to", "has", "have", "had", "is", "are", "was", "were", "be", "been", "if", "unless", "whether", "without",
    "expected", "plans", "planned", "aims", "wants", "hopes", "intends", "likely", "set", "scheduled", "fail",
    "failed", "refused", "denied",
})
_CUE_WINDOW = 4


class Kind(StrEnum):
    """What a word is, as the model labels it."""

    NONE = "none"
    FACTUAL = "factual"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    STATE = "state"
    REPORTING = "reporting"  # "said", "announced": who told it, not what happened


_MODALITY = {Kind.FACTUAL: Modality.FACTUAL, Kind.PLANNED: Modality.PLANNED, Kind.HYPOTHETICAL: Modality.HYPOTHETICAL,
             Kind.STATE: Modality.STATE}


@dataclass(frozen=True)
class Happening:
    """One happening word of a sentence, offsets into the sentence."""

    start: int
    end: int
    word: str
    kind: Kind

    @property
    def modality(self) -> Modality:
        return _MODALITY[self.kind]


def tokens(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each word, number and punctuation mark."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "AA"
    if word[0].isupper():
        return "Aa"
    return "a" if word.isalpha() else "other"


def lowered(words: list[str]) -> list[str]:
    """The words as the features read them: lower case, straight apostrophes.

    Lowered in one call for the whole sentence: no token holds a blank, so the blanks joining them part them again,
    and each token lowers as it would alone (a letter's lower case depends only on the letters it touches).
    """
    return " ".join(words).lower().replace("’", "'").split(" ") if words else []


def may_happen(word: str, i: int) -> bool:
    """A word the model reads: two letters or more, and not a name capitalised inside a sentence.

    Names are almost never happenings (18 of TBAQ's 11,126 events) yet are one word in seven.
    """
    return word[0].isalpha() and len(word) > 1 and not (i > 0 and word[0].isupper())


def word_features(word: str, w: str) -> list[str]:
    """What the word itself says: the word, its endings and its shape (``w`` is its lowered form)."""
    return [f"w={w}", f"s3={w[-3:]}", f"s2={w[-2:]}", f"sh={_shape(word)}"]


def context_features(lower: list[str], i: int) -> list[str]:
    """What its neighbours say: the words around it, and the cue words before it."""
    w = lower[i]
    before = lower[max(0, i - _CUE_WINDOW):i]
    p1 = before[-1] if before else "<s>"
    p2 = before[-2] if len(before) > 1 else "<s>"
    n1 = lower[i + 1] if i + 1 < len(lower) else "</s>"
    return [f"p1={p1}", f"p2={p2}", f"n1={n1}", f"p1w={p1}|{w}", f"wn1={w}|{n1}", f"first={i == 0}",
            *(f"c={cue}" for cue in before if cue in _CUES)]


def features(words: list[str], lower: list[str], i: int) -> list[str]:
    """The features of word ``i`` (``lower`` is ``lowered(words)``, computed once per sentence)."""
    return word_features(words[i], lower[i]) + context_features(lower, i)


# A word's entry in HappeningModel's memory: whether it is read first in its sentence and after the first, and its
# number among the words of the context features (beside it: the sum of its own features' weights)
_READ_FIRST, _READ_AFTER, _NUMBER = 0, 1, 2
# A sentence split into the blanks between tokens and the tokens: [blank, token, blank, token, …, blank]
_PARTS = re.compile(f"({_TOKEN.pattern})")


@dataclass
class HappeningModel:
    """Weights per feature and class; a word's class is the one with the highest summed weight."""

    classes: list[Kind]
    intercept: np.ndarray  # (classes,)
    index: dict[str, int]  # feature -> row of weights
    weights: np.ndarray  # (features, classes)
    skip: frozenset[str]  # words never a happening in training (articles, prepositions …): not scored
    _entries: dict[str, int] = field(default_factory=dict, repr=False)  # word -> its entry's row in the tables

    @classmethod
    def from_json(cls, data: dict) -> HappeningModel:
        names = list(data["features"])
        weights = np.array([data["features"][name] for name in names], dtype=np.float32).reshape(len(names), -1)
        return cls([Kind(c) for c in data["classes"]], np.array(data["intercept"], dtype=np.float32),
                   {name: row for row, name in enumerate(names)}, weights, frozenset(data["skip"]))

    def __post_init__(self) -> None:
        self._context = _Context(self.index)
        # the unknown row (a feature the model does not know) weighs nothing: adding it leaves a sum as it was
        self._weights = np.vstack([self.weights.astype(np.float64), np.zeros((1, len(self.classes)))])
        self._table = np.zeros((1024, 3), dtype=np.int64)  # the words' entries; row 0 is no word's
        self._own_sums = np.zeros((1024, len(self.classes)))  # each word's own features' weights, summed in order
        self._lock = threading.Lock()
        self._happening = np.array([kind != Kind.NONE for kind in self.classes])  # by class number

    def label(self, sentences: list[str]) -> list[list[Happening]]:
        """The happening words of each sentence, in order.

        The words of all the sentences are scored at once, a kind of feature at a time: a Python loop over
        words costs several times the arrays' work, so each word is only looked up in the model's memory.
        """
        parts_of = [_PARTS.split(sentence) for sentence in sentences]
        words_of = [parts[1::2] for parts in parts_of]
        sizes = np.array([len(words) for words in words_of])
        labelled: list[list[Happening]] = [[] for _ in sentences]
        if not sizes.sum():
            return labelled
        with self._lock:  # the dashboard's sessions share one model
            if len(self._entries) + sizes.sum() >= MAX_REMEMBERED_WORDS:
                self._entries.clear()  # a long-lived model forgets the words it read, then learns them again
            rows = list(map(self._entries.get, chain.from_iterable(words_of)))
            if None in rows:  # words the model reads for the first time
                entries, new = self._entries, []
                rows = [row or entries.get(word) or self._learn(word, new)
                        for row, word in zip(rows, chain.from_iterable(words_of), strict=True)]
                self._write(new)
            rows = np.array(rows)
            table, own_sums = self._table[rows], self._own_sums[rows]
        sentence_of = np.repeat(np.arange(len(sentences)), sizes)
        position = np.arange(len(table)) - (np.cumsum(sizes) - sizes)[sentence_of]
        read = np.flatnonzero(np.where(position == 0, table[:, _READ_FIRST], table[:, _READ_AFTER]))
        best = self._best(own_sums[read], table[:, _NUMBER], position, sizes[sentence_of], read)
        happening = self._happening[best]
        read, best = read[happening], best[happening]
        found: dict[int, list[tuple[int, Kind]]] = {}
        for number, at, k in zip(sentence_of[read].tolist(), position[read].tolist(), best.tolist(), strict=True):
            found.setdefault(number, []).append((at, self.classes[k]))
        for number, happenings in found.items():
            words = words_of[number]
            starts = list(accumulate(map(len, parts_of[number])))[::2]  # each token's, after the blanks before it
            labelled[number] = [Happening(starts[at], starts[at] + len(words[at]), words[at], kind)
                                for at, kind in happenings]
        return labelled

    def _best(self, own_sums: np.ndarray, numbers: np.ndarray, position: np.ndarray, size: np.ndarray,
              read: np.ndarray) -> np.ndarray:
        """The best class of each word at ``read``: its features' weights summed in the order ``features`` lists
        them (its own, then its context), as when each word was scored alone, so the sums are the same to the bit."""
        scores = own_sums
        for column in self._context.rows(numbers, position, size, read):
            scores += self._weights[column]
        return (scores + self.intercept).argmax(axis=1)

    def _learn(self, word: str, new: list[tuple[int, ...]]) -> int:
        """The row of a word read for the first time; its entry and its own features' rows go to ``new``."""
        lower = word.lower().replace("’", "'")  # as ``lowered`` gives it
        unknown = len(self.index)
        scored = lower not in self.skip
        read = (scored and may_happen(word, 0), scored and may_happen(word, 1))
        rows = [self.index.get(name, unknown) for name in word_features(word, lower)] if any(read) else [unknown] * 4
        row = self._entries[word] = len(self._entries) + 1
        new.append((row, *read, self._context.number(lower), *rows))
        return row

    def _write(self, new: list[tuple[int, ...]]) -> None:
        """The entries of the words read for the first time, their own features' weights added one after another
        to 0, as ``_best`` goes on adding."""
        new_rows = np.array(new)
        while len(self._table) <= new_rows[:, 0].max():
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._own_sums = np.concatenate([self._own_sums, np.zeros_like(self._own_sums)])
        self._table[new_rows[:, 0]] = new_rows[:, 1:4]
        total = np.zeros((len(new_rows), len(self.classes)))
        for column in new_rows[:, 4:].T:
            total += self._weights[column]
        self._own_sums[new_rows[:, 0]] = total


class _Context:
    """The rows of ``context_features`` without writing the features out, for many words at once: each word
    the context features name has a number, each kind of feature an array of rows by word number (a bigram a
    sorted array of its pair of numbers, under every way its feature name splits at a "|"); a feature the model
    does not know is the unknown row, as ``index.get`` gives."""

    def __init__(self, index: dict[str, int]) -> None:
        self.unknown = unknown = len(index)
        single: dict[str, dict[str, int]] = {"p1": {}, "p2": {}, "n1": {}, "c": {}}
        pairs: dict[str, dict[tuple[str, str], int]] = {"p1w": {}, "wn1": {}}
        for name, row in index.items():
            kind, _, value = name.partition("=")
            if kind in single:
                single[kind][value] = row
            elif kind in pairs:
                for at in (n for n, char in enumerate(value) if char == "|"):
                    pairs[kind][value[:at], value[at + 1:]] = row
        # no token is "<s>" or "</s>": the names of a sentence's start and end have numbers of their own
        words = {w for rows in single.values() for w in rows} | {w for rows in pairs.values() for pair in rows for w in pair}
        self._numbers = {word: n for n, word in enumerate(sorted(words - {"<s>", "</s>"}))}
        self.start, self.end, self.other = len(self._numbers), len(self._numbers) + 1, len(self._numbers) + 2
        self._numbers.update({"<s>": self.start, "</s>": self.end})
        self.size = self.other + 1

        def by_number(rows: dict[str, int]) -> np.ndarray:
            found = np.full(self.size, unknown, dtype=np.int64)
            for word, row in rows.items():
                found[self._numbers[word]] = row
            return found

        self.p1, self.p2, self.n1 = by_number(single["p1"]), by_number(single["p2"]), by_number(single["n1"])
        self.cue = by_number({w: row for w, row in single["c"].items() if w in _CUES})
        self.pairs = {kind: self._pair_table(rows) for kind, rows in pairs.items()}
        self.first = np.array([index.get("first=False", unknown), index.get("first=True", unknown)])

    def number(self, lower: str) -> int:
        """A lowered word's number; every word the features do not name shares one."""
        return self._numbers.get(lower, self.other)

    def _pair_table(self, rows: dict[tuple[str, str], int]) -> tuple[np.ndarray, np.ndarray]:
        codes = np.array([self._numbers[a] * self.size + self._numbers[b] for a, b in rows], dtype=np.int64)
        order = np.argsort(codes)
        return codes[order], np.array(list(rows.values()), dtype=np.int64)[order]

    def _pair(self, kind: str, one: np.ndarray, other: np.ndarray) -> np.ndarray:
        codes, rows = self.pairs[kind]
        if not len(codes):
            return np.full(len(one), self.unknown)
        wanted = one * self.size + other
        at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
        return np.where(codes[at] == wanted, rows[at], self.unknown)

    def rows(self, numbers: np.ndarray, position: np.ndarray, size: np.ndarray, read: np.ndarray) -> list[np.ndarray]:
        """The rows of ``context_features`` of the words at ``read``, a column per feature in its order (a cue
        word's place is a column of its own, the unknown row where there is no cue): ``numbers`` are the words'
        numbers, ``position`` each word's place in its sentence, ``size`` its sentence's length."""
        at, word = position[read], numbers[read]

        def before(distance: int, missing: int) -> np.ndarray:  # the number of the word so far before, if any
            return np.where(at >= distance, numbers[np.maximum(read - distance, 0)], missing)

        p1, p2 = before(1, self.start), before(2, self.start)
        n1 = np.where(at + 1 < size[read], numbers[np.minimum(read + 1, len(numbers) - 1)], self.end)
        return [self.p1[p1], self.p2[p2], self.n1[n1], self._pair("p1w", p1, word), self._pair("wn1", word, n1),
                self.first[(at == 0).astype(np.int64)],
                *(self.cue[before(distance, self.other)] for distance in range(_CUE_WINDOW, 0, -1))]


@cache
def shipped_model() -> HappeningModel:
    """The model shipped with the package (read once per process)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HappeningModel.from_json(json.loads(text))
