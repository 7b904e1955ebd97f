"""What a merge can take over from the last one: the sets of components that did not change.

A component of the candidate graph (:mod:`.blocks`) merges alike in any corpus
that holds it, so when a re-run finds a component with exactly the members it
had last time, none of them new or given another year, its sets are the ones
found then. Only the other components are merged again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Known:
    """The last merge, per event of the table now (-1: the event was not merged then)."""

    component: np.ndarray  # the first member (an index of this table) of the event's component then
    size: np.ndarray  # that component's size then
    root: np.ndarray  # a member of the event's set then, before coarse sets were attached
    fresh: np.ndarray  # bool: must be merged again whatever its component (new, or its year adopted then)
    group: np.ndarray  # the lead of the event's merged event then
    group_size: np.ndarray  # that merged event's size then


def first_members(component: np.ndarray) -> np.ndarray:
    """Each event's component named by its first member: a name that does not depend on the rest of the corpus."""
    first = np.full(int(component.max(initial=-1)) + 1, len(component), dtype=np.int64)
    np.minimum.at(first, component, np.arange(len(component)))
    return first[component]


def unchanged(component: np.ndarray, known: Known, redated: np.ndarray) -> np.ndarray:
    """Events whose component (named by first members) is exactly as it was last time, none of its members new
    or adopting another article's year (that can change with any article)."""
    size = np.bincount(component, minlength=len(component))[component]
    as_before = (~known.fresh & ~redated & (known.root >= 0) & (known.component == component)
                 & (known.size == size))
    return ~np.isin(component, component[~as_before])
