"""Coverage-guided fuzzing of the readers with atheris.

    python tests/fuzz/fuzz_readers.py -max_total_time=120 [corpus_dir]

Any bytes under any supported extension must load or be reported as skipped
with a reason: never an exception, never a silently dropped input.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["timeline"]):
    from timeline.ingest import load

EXTENSIONS = [".txt", ".md", ".json", ".jsonl", ".csv", ".html"]
SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-readers-"))


def check(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    extension = EXTENSIONS[provider.ConsumeIntInRange(0, len(EXTENSIONS) - 1)]
    path = SCRATCH / f"input{extension}"
    path.write_bytes(provider.ConsumeBytes(provider.remaining_bytes()))
    result = load([path])
    if not result.report:
        raise AssertionError("an input vanished from the report")
    for row in result.report:
        if row.status == "skipped" and not row.reason:
            raise AssertionError("skipped without a reason")


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
