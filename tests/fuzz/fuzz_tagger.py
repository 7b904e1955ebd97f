"""Coverage-guided fuzzing of the tagger with atheris.

    python tests/fuzz/fuzz_tagger.py -max_total_time=120 [corpus_dir]

Any text with any publication date must tag without error, with spans inside
the text and ordered, non-overlapping mentions.
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["timeline"]):
    from timeline.temporal import tag


def check(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    use_dct = provider.ConsumeBool()
    dct = date.fromordinal(provider.ConsumeIntInRange(1, date(9999, 12, 31).toordinal())) if use_dct else None
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    previous_end = 0
    for timex in tag(text, dct):
        if not (previous_end <= timex.start < timex.end <= len(text)) or text[timex.start:timex.end] != timex.text:
            raise AssertionError(f"bad span {timex}")
        if timex.interval is not None and not timex.interval.begin < timex.interval.end:
            raise AssertionError(f"empty interval {timex}")
        previous_end = timex.end


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
