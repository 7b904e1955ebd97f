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
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import numpy as np

from ..model import Modality

MODEL_FILE = "happenings.json"
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


def features(words: list[str], lower: list[str], i: int) -> list[str]:
    """The features of word ``i``: the word, its ending and shape, its neighbours, and the cues before it.

    ``lower`` is ``lowered(words)``, computed once per sentence.
    """
    w = lower[i]
    before = lower[max(0, i - _CUE_WINDOW):i]
    p1 = before[-1] if before else "<s>"
    p2 = before[-2] if len(before) > 1 else "<s>"
    n1 = lower[i + 1] if i + 1 < len(lower) else "</s>"
    found = [f"c={cue}" for cue in before if cue in _CUES]
    return [f"w={w}", f"s3={w[-3:]}", f"s2={w[-2:]}", f"sh={_shape(words[i])}", f"p1={p1}", f"p2={p2}", f"n1={n1}",
            f"p1w={p1}|{w}", f"wn1={w}|{n1}", f"first={i == 0}", *found]


@dataclass
class HappeningModel:
    """Weights per feature and class; a word's class is the one with the highest summed weight."""

    classes: list[Kind]
    intercept: np.ndarray  # (classes,)
    index: dict[str, int]  # feature -> row of weights
    weights: np.ndarray  # (features, classes)
    skip: frozenset[str]  # words never a happening in training (articles, prepositions …): not scored

    @classmethod
    def from_json(cls, data: dict) -> HappeningModel:
        names = list(data["features"])
        weights = np.array([data["features"][name] for name in names], dtype=np.float32).reshape(len(names), -1)
        return cls([Kind(c) for c in data["classes"]], np.array(data["intercept"], dtype=np.float32),
                   {name: row for row, name in enumerate(names)}, weights, frozenset(data["skip"]))

    def label(self, sentences: list[str]) -> list[list[Happening]]:
        """The happening words of each sentence, in order; one pass over all of them keeps the cost per word low."""
        candidates: list[tuple[int, tuple[int, int, str]]] = []  # (sentence number, token)
        rows: list[int] = []
        owners: list[int] = []
        for number, sentence in enumerate(sentences):
            found = tokens(sentence)
            words = [t[2] for t in found]
            lower = lowered(words)
            for i, token in enumerate(found):
                if not (token[2][0].isalpha() and len(token[2]) > 1) or lower[i] in self.skip:
                    continue
                for name in features(words, lower, i):
                    row = self.index.get(name)
                    if row is not None:
                        rows.append(row)
                        owners.append(len(candidates))
                candidates.append((number, token))
        labelled: list[list[Happening]] = [[] for _ in sentences]
        if not candidates:
            return labelled
        weights = self.weights[np.array(rows, dtype=np.int64)] if rows else np.zeros((0, len(self.classes)))
        owner = np.array(owners, dtype=np.int64)
        scores = np.stack([np.bincount(owner, weights=weights[:, k], minlength=len(candidates))
                           for k in range(len(self.classes))], axis=1) + self.intercept
        for (number, (start, end, word)), k in zip(candidates, scores.argmax(axis=1).tolist(), strict=True):
            if self.classes[k] != Kind.NONE:
                labelled[number].append(Happening(start, end, word, self.classes[k]))
        return labelled


@cache
def shipped_model() -> HappeningModel:
    """The model shipped with the package (read once per process)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return HappeningModel.from_json(json.loads(text))
