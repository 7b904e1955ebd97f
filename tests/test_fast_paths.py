"""The per-article step's shortcuts answer exactly as what they stand for, for any text.

Each shortcut (a str.find instead of a pattern, a cheap look at a title's end before the full pattern, the
happening model's features scored a column at a time) must leave every event as it was: these tests hold
each one against the plain way on generated text, where boundaries, apostrophes, other scripts and the
ends of the text are easy to get wrong.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.furniture import FURNITURE, at_a_word, furniture_kind
from timeline.events.gate import Gate
from timeline.events.happenings import HappeningModel, Kind, features, lowered, may_happen, shipped_model, tokens
from timeline.events.names import _PHRASE, _written_after, _written_alone
from timeline.events.sentences import _CLAUSE_BREAK, _LAST_WORD, PUNCTUATION_BREAK, _is_abbreviation
from timeline.events.titles import _DANGLING, _without_dangling
from timeline.temporal import lexicon as lx
from timeline.temporal.tense import _MAY_CUE, _cue

exhaustive = settings(max_examples=500, deadline=None, derandomize=True)

# Pieces of text where a word boundary is easy to get wrong: apostrophes, hyphens, underscores, digits,
# letters of other scripts, a word at either end of the text.
_PIECES = ["Acrid", "acrid", "Hamas", "hamas", "Hamas'", "al-Din", "Din", "_", "x", "1", "é", "Ж", "ж", "'", "’",
           "-", ",", ";", ":", " ", "  ", ".", "\n", "A", "a"]
_AROUND = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)


@exhaustive
@given(_AROUND, st.sampled_from(_PIECES[:8]), _AROUND, _AROUND)
def test_an_articles_words_are_looked_up_as_their_patterns_say(before, word, after, elsewhere):
    """Whether the article writes a sentence's first word mid-sentence, or in lower case."""
    context = before + word + after + elsewhere
    assert _written_after(word, context) == bool(re.search(rf"[a-z,;:] {re.escape(word)}\b", context))
    assert _written_alone(word, context) == bool(re.search(rf"\b{re.escape(word)}\b", context))


_TITLE_PIECES = ["and", "AND", "the", "their", "before", "x", "band", " ", ", ", " – ", "-", ";", "\n", "é", "…",
                 "Officials met", "which"]


@exhaustive
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=10).map("".join))
def test_dangling_words_are_cut_as_the_pattern_says(text):
    assert _without_dangling(text) == _DANGLING.sub("", text)


_WORDS = ["The", "the", "company", "said", "will", "would", "not", "n't", "to", "plans", "cut", "jobs", "Shares",
          "fell", "rose", "if", "has", "been", "killed", "Friday", "Hamas", "’s", "don’t", ",", ".", "\"", "3.5",
          "1,200", "é", "Ж", "attack", "was", "expected", "<s>", "</s>", "a", "I", "US", "approved", "|", "=", "İ",
          "’"]


def _scored_word_by_word(sentence: str, model=None) -> list[tuple[int, str, Kind]]:
    """The model's classes, each word's known features summed one after another as they are listed."""
    model = model or shipped_model()
    found = tokens(sentence)
    words = [t[2] for t in found]
    lower = lowered(words)
    labelled = []
    for i, (start, _, word) in enumerate(found):
        if not may_happen(word, i) or lower[i] in model.skip:
            continue
        score = np.zeros(len(model.classes))
        for name in features(words, lower, i):
            if name in model.index:
                score = score + model.weights[model.index[name]].astype(np.float64)
        kind = model.classes[int((score + model.intercept).argmax())]
        if kind != Kind.NONE:
            labelled.append((start, word, kind))
    return labelled


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), min_size=1, max_size=4))
def test_the_happening_model_labels_as_scoring_word_by_word(sentences):
    """Scoring all the words at once gives the classes of scoring each word alone from ``features``."""
    labelled = shipped_model().label(sentences)
    assert [[(h.start, h.word, h.kind) for h in found] for found in labelled] == \
        [_scored_word_by_word(sentence) for sentence in sentences]


def test_a_model_that_forgets_the_words_it_read_labels_as_before(monkeypatch):
    """A long-lived model's memory of words is bounded: past the bound it starts again, with the same labels."""
    from timeline.events import happenings
    sentences = [" ".join(_WORDS[n:] + _WORDS[:n]) for n in range(0, len(_WORDS), 5)]
    expected = [_scored_word_by_word(sentence) for sentence in sentences]
    model = shipped_model.__wrapped__()  # a model of its own, whose memory starts empty
    monkeypatch.setattr(happenings, "MAX_REMEMBERED_WORDS", 60)
    for sentence, words in zip(sentences * 3, expected * 3, strict=True):
        assert [(h.start, h.word, h.kind) for h in model.label([sentence])[0]] == words
    assert len(model._entries) < 60


@exhaustive
@given(st.lists(st.sampled_from([*_WORDS, "Σ", "ΑΣ", "'Σ", "ǅ", "ß", "Ω", "K", "", "ﬁ"]), max_size=12))
def test_a_sentences_words_are_lowered_as_each_alone(words):
    """The model lowers a sentence's words in one call; each must come out as lowering it alone gives."""
    found = [t[2] for t in tokens(" ".join(words))]
    assert lowered(found) == [word.lower().replace("’", "'") for word in found]


def _marks_model() -> HappeningModel:
    """A model whose features name the words "|" and "=", which its own feature names use as separators."""
    names = ["w=fell", "p1w=||fell", "p1w=|||", "wn1=fell||", "wn1=|||", "p1==", "p2=|", "n1=|", "c=not", "first=True",
             "p1w==|fell", "wn1=fell|=", "s2=ll", "sh=a"]
    rows = np.random.default_rng(3).normal(scale=0.3, size=(len(names), 3)).round(3)
    rows[names.index("w=fell")], rows[names.index("p1w=||fell")] = [0, 0, 1], [0, 5, 0]  # "| fell" is factual
    return HappeningModel.from_json({"classes": ["none", "factual", "planned"], "intercept": [0.5, 0.0, 0.0],
                                     "features": dict(zip(names, rows.tolist(), strict=True)), "skip": ["a"]})


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["fell", "|", "=", "not", "a", "||", "Fell", "’", "x"]), max_size=12).map(" ".join))
def test_features_that_name_separator_words_are_found_as_their_names_say(sentence):
    model = _marks_model()
    assert [(h.start, h.word, h.kind) for h in model.label([sentence])[0]] == _scored_word_by_word(sentence, model)


@exhaustive
@given(st.sampled_from(sorted({*lx.DETERMINERS, *lx.BE_FORMS, *lx.TO_FUTURE, "plan", "for", "of", ""})),
       st.text(alphabet="abdegnorstuwyl'", max_size=9), st.sampled_from(["", "for", "of", "to"]))
def test_only_the_listed_words_and_ed_forms_can_signal_a_tense(previous, token, following):
    """clause_tense skips every other word without asking _cue."""
    if token not in _MAY_CUE and not token.endswith("ed"):
        assert _cue(token, previous, following) == (None, 0.0)


_LINE_PIECES = ["Read more", "read", "more", ":", " ", "By", "Jane", "Doe", "and", "|", "Reuters", "©", "(c) 2020",
                "Copyright", "all rights reserved", "newsletter", "Sign up", "subscribe", "subscribers only", "(",
                ")", "Photo", "photo by AFP", "Getty Images", "AP Photo", "Advertisement", "Share this", "the",
                "rebels", "Friday", ".", "\n", "x", "_", "é", "-", "–"]


@exhaustive
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=10).map("".join))
def test_furniture_is_told_as_each_rules_pattern_searched_alone_says(line):
    """Two passes over a line (every rule's start, then every rule's words) rule out furniture as trying each rule."""
    plain = next((f.name for f in FURNITURE
                  if re.search(f"^(?:{f.start})" + (f"|{at_a_word(f.words)}" if f.words else ""), line.strip(),
                               re.IGNORECASE)), "")
    assert furniture_kind(line) == plain


_CLAUSE_PIECES = ["but", "But", "butter", "because", "before", "while", "whereas", "when", "which", "who", "whom",
                  "where", "although", "though", "after", "since", "until", "unless", "if", "iffy", " ", "  ", "\n",
                  ",", ";", ":", "-", "–", ".", "``", "x", "Rain"]


@exhaustive
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=12).map("".join))
def test_clauses_break_where_the_words_listed_one_by_one_say(sentence):
    plain = re.compile(PUNCTUATION_BREAK.pattern + r"|[.!?]\s+(?=``)|\s(?=(?:but|while|whereas|although|though|"
                       r"because|after|before|since|until|when|which|who|where|if|unless)\s)", re.IGNORECASE)
    assert [m.span() for m in _CLAUSE_BREAK.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]


@exhaustive
@given(st.lists(st.sampled_from(["Nov", "U", "S", "x", ".", " ", "\t", "(", "a", "Mr", "I", "1", "é"]),
                max_size=10).map("".join))
def test_the_word_before_a_full_stop_is_read_as_the_whole_text_says(before_stop):
    word = _LAST_WORD.search(before_stop.rstrip("."))
    token = word.group(1).lower().rstrip(".") if word else None
    plain = token is not None and (token in lx.ABBREVIATIONS or len(token) == 1
                                   or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)))
    assert _is_abbreviation(before_stop) == plain


@exhaustive
@given(_AROUND)
def test_names_start_where_a_word_boundary_says(text):
    plain = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:(?:al|el|bin|ibn|de|la|van|von|of|the|for|and)[\-\s]+)?[A-Z][\w’'\-]*)*")
    assert [m.span() for m in _PHRASE.finditer(text)] == [m.span() for m in plain.finditer(text)]


_GATED_PIECES = ["will", "WILL", "we'll", "plans", "to", "PLAN", "if", "IF", "If", "ıf", "unless", "UNLESS", "whether",
                 "after", "AFTER", "ahead of", "Ahead  of", "ſince", "since", "a day", "two weeks", " ", ",", ";", "x",
                 "prices rose", "é", "\n"]


@exhaustive
@given(st.lists(st.sampled_from(_GATED_PIECES), max_size=10).map("".join), st.integers(0, 12))
def test_a_gated_pattern_finds_what_the_pattern_alone_finds(text, pos):
    """The look-up before the pattern never turns away a text the pattern matches, however its letters fold."""
    for gate in (Gate(r"\b{words}\b[^,;:]*$", words=("if", "unless", "whether")),
                 Gate(r"(?:,\s*|\s)((?:\w+\s+(?:days?|weeks?)\s+)?{links}\s+[^,;]{2,80})", links=("after", "since", "ahead of")),
                 Gate(r"\b(?:{future}\s+(?:\w+\s+)?|{intent}\s+to\s+)$", future=("will", "'ll"), intent=("plan", "plans"))):
        found, plain = gate.search(text, pos), gate.pattern.search(text, pos)
        assert (found and found.span(), found and found.groups()) == (plain and plain.span(), plain and plain.groups())
