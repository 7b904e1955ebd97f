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

    def __post_init__(self) -> None:
        self._context = _ContextRows(self.index)

    def label(self, sentences: list[str]) -> list[list[Happening]]:
        """The happening words of each sentence, in order; one pass over all of them keeps the cost per word low."""
        where: list[tuple[int, int, int, str]] = []  # (sentence number, start, end, word) of each word scored
        rows: list[int] = []  # the rows of each scored word's features, as ``features`` lists them, word after word
        counts: list[int] = []  # how many each word has
        remembered, context = self._own_rows, self._context
        for number, sentence in enumerate(sentences):
            words = _TOKEN.findall(sentence)
            lower = lowered(words)
            end = 0
            for i, word in enumerate(words):
                start = sentence.find(word, end)  # only blanks lie between two tokens: this is where it starts
                end = start + len(word)
                own = remembered.get(word)
                if own is None:
                    if not word[0].isalpha():
                        continue  # a figure or a mark: never read (may_happen)
                    own = self._own(word, lower[i])
                read, own_rows = own
                if read[i > 0]:
                    word_rows = context.rows(lower, i)
                    rows += own_rows
                    rows += word_rows
                    counts.append(len(own_rows) + len(word_rows))
                    where.append((number, start, end, word))
        labelled: list[list[Happening]] = [[] for _ in sentences]
        if not where:
            return labelled
        for (number, start, end, word), k in zip(where, self._best(rows, counts).tolist(), strict=True):
            if self.classes[k] != Kind.NONE:
                labelled[number].append(Happening(start, end, word, self.classes[k]))
        return labelled

    def _best(self, rows: list[int], counts: list[int]) -> np.ndarray:
        """Each word's best class: its known features' weights summed in the order ``features`` lists them
        (its own, then its context), as when each word was scored alone."""
        unknown = len(self.index)
        owner = np.repeat(np.arange(len(counts)), counts)
        found = np.array(rows, dtype=np.int64)
        known = found != unknown
        weights, owner = self.weights[found[known]], owner[known]
        scores = np.stack([np.bincount(owner, weights=weights[:, k], minlength=len(counts))
                           for k in range(len(self.classes))], axis=1) + self.intercept
        return scores.argmax(axis=1)

    def _own(self, word: str, lower: str) -> tuple[tuple[bool, bool], tuple[int, ...]]:
        """Whether the word is read first in its sentence and after the first, and the rows of its own features."""
        read = (may_happen(word, 0) and lower not in self.skip, may_happen(word, 1) and lower not in self.skip)
        rows = tuple(self.index.get(name, len(self.index)) for name in word_features(word, lower))
        if len(self._own_rows) < MAX_REMEMBERED_WORDS:
            self._own_rows[word] = read, rows
        return read, rows


class _ContextRows:
    """The rows of ``context_features`` without writing the features out: each kind of feature is a dict keyed
    by its words (a bigram by the pair of words, under every way its name splits at a "|"), built once from the
    model's feature names; a feature the model does not know is the unknown row, as ``index.get`` gives."""

    def __init__(self, index: dict[str, int]) -> None:
        self.unknown = len(index)
        self.single: dict[str, dict[str, int]] = {"p1": {}, "p2": {}, "n1": {}, "c": {}}
        self.pairs: dict[str, dict[tuple[str, str], int]] = {"p1w": {}, "wn1": {}}
        for name, row in index.items():
            kind, _, value = name.partition("=")
            if kind in self.single:
                self.single[kind][value] = row
            elif kind in self.pairs:
                for at in (n for n, char in enumerate(value) if char == "|"):
                    self.pairs[kind][value[:at], value[at + 1:]] = row
        self.first = (index.get("first=False", self.unknown), index.get("first=True", self.unknown))

    def rows(self, lower: list[str], i: int) -> list[int]:
        """The rows of ``context_features(lower, i)``, in its order."""
        unknown, single = self.unknown, self.single
        w = lower[i]
        before = lower[max(0, i - _CUE_WINDOW):i]
        p1 = before[-1] if before else "<s>"
        p2 = before[-2] if len(before) > 1 else "<s>"
        n1 = lower[i + 1] if i + 1 < len(lower) else "</s>"
        found = [single["p1"].get(p1, unknown), single["p2"].get(p2, unknown), single["n1"].get(n1, unknown),
                 self.pairs["p1w"].get((p1, w), unknown), self.pairs["wn1"].get((w, n1), unknown), self.first[i == 0]]
        cues = single["c"]
        found += [cues.get(cue, unknown) for cue in before if cue in _CUES]
        return found


@cache
def shipped_model() -> HappeningModel:
    """The model shipped with the package (read once per process)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HappeningModel.from_json(json.loads(text))
