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
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import repeat

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
    """The words as the features read them: lower case, straight apostrophes."""
    return [w.lower().replace("’", "'") for w in words]


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


@dataclass
class HappeningModel:
    """Weights per feature and class; a word's class is the one with the highest summed weight."""

    classes: list[Kind]
    intercept: np.ndarray  # (classes,)
    index: dict[str, int]  # feature -> row of weights
    weights: np.ndarray  # (features, classes)
    skip: frozenset[str]  # words never a happening in training (articles, prepositions …): not scored
    _own_rows: dict[str, tuple[tuple[bool, bool], tuple[int, ...]]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> HappeningModel:
        names = list(data["features"])
        weights = np.array([data["features"][name] for name in names], dtype=np.float32).reshape(len(names), -1)
        return cls([Kind(c) for c in data["classes"]], np.array(data["intercept"], dtype=np.float32),
                   {name: row for row, name in enumerate(names)}, weights, frozenset(data["skip"]))

    def label(self, sentences: list[str]) -> list[list[Happening]]:
        """The happening words of each sentence, in order; one pass over all of them keeps the cost per word low."""
        where: list[tuple[int, int, int, str]] = []  # (sentence number, start, end, word) of each word scored
        own: list[tuple[int, ...]] = []  # the rows of its own features
        names: list[str] = []  # the context features of each word scored, one word after another
        counts: list[int] = []  # how many each word has
        for number, sentence in enumerate(sentences):
            words = _TOKEN.findall(sentence)
            lower = lowered(words)
            end = 0
            for i, word in enumerate(words):
                start = sentence.find(word, end)  # only blanks lie between two tokens: this is where it starts
                end = start + len(word)
                read, rows = self._own_rows.get(word) or self._own(word, lower[i])
                if read[i > 0]:
                    context = context_features(lower, i)
                    names += context
                    counts.append(len(context))
                    where.append((number, start, end, word))
                    own.append(rows)
        labelled: list[list[Happening]] = [[] for _ in sentences]
        if not where:
            return labelled
        for (number, start, end, word), k in zip(where, self._best(own, names, counts).tolist(), strict=True):
            if self.classes[k] != Kind.NONE:
                labelled[number].append(Happening(start, end, word, self.classes[k]))
        return labelled

    def _best(self, own: list[tuple[int, ...]], names: list[str], counts: list[int]) -> np.ndarray:
        """Each word's best class: its known features' weights summed in the order ``features`` lists them
        (its own, then its context), as when each word was scored alone."""
        unknown, size = len(self.index), len(own[0])  # every word has as many features of its own
        sizes = size + np.array(counts, dtype=np.int64)
        owner = np.repeat(np.arange(len(counts)), sizes)
        place = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)  # among its word's features
        rows = np.empty(len(owner), dtype=np.int64)
        rows[place < size] = np.array(own, dtype=np.int64).ravel()
        rows[place >= size] = np.fromiter(map(self.index.get, names, repeat(unknown)), dtype=np.int64,
                                          count=len(names))
        known = rows != unknown
        weights, owner = self.weights[rows[known]], owner[known]
        scores = np.stack([np.bincount(owner, weights=weights[:, k], minlength=len(counts))
                           for k in range(len(self.classes))], axis=1) + self.intercept
        return scores.argmax(axis=1)

    def _own(self, word: str, lower: str) -> tuple[tuple[bool, bool], tuple[int, ...]]:
        """Whether the word is read first in its sentence and after the first, and the rows of its own features."""
        read = (may_happen(word, 0) and lower not in self.skip, may_happen(word, 1) and lower not in self.skip)
        rows = tuple(self.index.get(name, len(self.index)) for name in word_features(word, lower))
        if word[0].isalpha() and len(self._own_rows) < MAX_REMEMBERED_WORDS:  # figures and marks are not kept
            self._own_rows[word] = read, rows
        return read, rows


@cache
def shipped_model() -> HappeningModel:
    """The model shipped with the package (read once per process)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HappeningModel.from_json(json.loads(text))
