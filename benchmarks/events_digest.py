"""A digest of a store's merged events, every field: two builds made the same events when their digests agree.

    python benchmarks/events_digest.py STORE.duckdb

Each stored event is decoded and written out field by field (its dataclass ``repr``), in id order, so two stores
agree whatever the layout of their record text. Run with ``PYTHONPATH`` set to the checkout whose code decodes.
"""

from __future__ import annotations

import hashlib
import sys

from timeline.store import Store


def digest(path: str) -> tuple[int, str]:
    """The merged event count and the SHA-256 of every event's fields, in id order."""
    store = Store(path, read_only=True)
    try:
        events = sorted(store.event_list(), key=lambda event: event.id)
    finally:
        store.close()
    hashed = hashlib.sha256()
    for event in events:
        hashed.update(repr(event).encode())
    return len(events), hashed.hexdigest()


if __name__ == "__main__":
    count, hexdigest = digest(sys.argv[1])
    print(f"{count} merged events, sha256 {hexdigest}")
