"""How much a word tells about what happened: a fixed weight from general English word frequencies.

Merging compares evidence sentences by their weighted words. The weights once
came from the corpus being merged (TF-IDF), so adding an unrelated article
shifted every weight a little and could flip a merge anywhere, and no part of a
merge could be redone alone. Here a word's weight is the inverse document
frequency a sentence of average length would give it in general English, from
wordfreq's large English list (books, news, subtitles, the web): rare names
("Kassab") weigh much, common words ("said", "government") little, whatever
else is being merged.
"""

from __future__ import annotations

import math
from functools import cache

# Words in an average news sentence: a word of frequency f turns up in about this many times f sentences,
# which makes ln(1 / (SENTENCE_WORDS * f)) the inverse document frequency of sentence-long documents.
SENTENCE_WORDS = 20


@cache
def _frequencies() -> tuple[dict[str, float], float]:
    """Each known word's frequency, and the frequency taken for a word the list does not know (its rarest)."""
    from wordfreq import get_frequency_dict

    table = get_frequency_dict("en", wordlist="large")
    return table, min(table.values())


# Marks each term of a hypothetical event (slim.slim_fields): it then shares no term with a factual or planned
# event, so the two never merge, while its words weigh as they do in any other event.
HYPOTHETICAL_MARK = "?"


def term_weight(word: str) -> float:
    """1 + the word's inverse document frequency in sentences of general English (>= 1, like TF-IDF's idf):
    "the" 1.0, "said" 4.0, "government" 5.0, "firefighters" 10.4, "kassab" 15.4."""
    table, rarest = _frequencies()
    share = SENTENCE_WORDS * table.get(word.removeprefix(HYPOTHETICAL_MARK), rarest)
    return 1.0 + max(0.0, -math.log(share))
