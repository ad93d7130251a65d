"""Letting go of an article's records off the GUI thread, a few hundred at a time.

A 3 MB article's analysis, highlight index and Facts tree are some 300,000 objects. Dropping the last
reference to them on the GUI thread freed them all there, in one go, when the reader opened another
article or made a verdict (8 ms for the index of a 1 MB article alone). `release_later` takes them
into flat lists, which costs a copy of pointers, and a worker frees those a piece at a time, giving way
to a busy GUI thread between pieces (desktop/pacing.py).

A Facts tree's nodes point at their parents: its cycles are broken here, so reference counting frees
it. Left to the cyclic collector, a tree that gc.freeze had frozen (presentation.py) would never go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.analysis.records import Analysis
from desktop.pacing import EVERY, give_way
from desktop.ui.facts_model import FactNode
from desktop.ui.highlights import HighlightIndex

if TYPE_CHECKING:
    from desktop.ui.workers import TaskRunner


def release_later(tasks: TaskRunner, *things: Any) -> None:
    """Free `things` (analyses, highlight indexes, Facts trees, None) in a worker; the caller drops its own references."""
    pieces = [_pieces(thing) for thing in things if thing is not None]
    if pieces:
        tasks.start(lambda: free_in_pieces(pieces), lambda _result: None, lambda _message: None)


def _pieces(thing: Any) -> list[Any]:
    if isinstance(thing, Analysis):
        return [*thing.entities, *thing.quotes, *thing.numbers, *thing.facts]
    if isinstance(thing, HighlightIndex):
        return list(thing.items)
    return [thing]


def free_in_pieces(pieces: list[list[Any]]) -> int:
    """Drop the lists' items a piece at a time, breaking Facts trees apart; how many items went."""
    freed = 0
    while pieces:
        items = pieces.pop()
        while items:
            chunk = items[-EVERY:]
            del items[-EVERY:]
            for item in chunk:
                if isinstance(item, FactNode):
                    items.extend(item.children)
                    item.children = []
                    item.parent = None
            freed += len(chunk)
            del chunk
            give_way()
    return freed
