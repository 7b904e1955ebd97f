"""Closing notes about the writer and contributor lines are page furniture: they make no events."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.furniture import AUTHOR_NOTE_EXAMPLES, AUTHOR_NOTE_NOT_EXAMPLES, author_note_start
from timeline.events.sentences import sentence_spans
from timeline.model import Article
from timeline.pipeline import build

STORY = "Rebels seized the town of Orla on Friday after a week of fighting."


def _note_start(text: str) -> int:
    return author_note_start(text, sentence_spans(text))


@pytest.mark.parametrize("sentence", AUTHOR_NOTE_EXAMPLES)
def test_a_closing_paragraph_about_the_writer_is_an_author_note(sentence):
    assert _note_start(f"{STORY}\n\n{sentence} Her work has appeared in the Evening Post.") == 1


@pytest.mark.parametrize("sentence", AUTHOR_NOTE_NOT_EXAMPLES)
def test_news_about_a_journalist_is_not_an_author_note(sentence):
    text = f"{STORY}\n\n{sentence} He has also appeared before the court."
    assert _note_start(text) == len(sentence_spans(text))


def test_the_same_words_earlier_in_the_story_are_news():
    text = f"Jane Doe is a reporter at the Daily Planet. She was arrested on Friday.\n\n{STORY}"
    assert _note_start(text) == 3


def test_author_notes_and_contributor_lines_make_no_events():
    text = (f"Rebels seize Orla\n{STORY}\n\nDaily Planet staff contributed to this report.\n\n"
            "Jane Doe is a senior writer at the Daily Planet, covering conflict. Her writing has been featured in "
            "the Evening Post and World Radio. She has also appeared on the Morning Show. "
            "You can follow her on Twitter @JaneDoe96.")
    events = build([Article("a", text, title="Rebels seize Orla", published=date(2005, 6, 13))]).event_list
    sentences = {s.sentence for e in events for s in e.sources}
    assert sentences == {"Rebels seize Orla", STORY}
