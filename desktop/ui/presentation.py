"""What the window shows for one analysis, prepared off the GUI thread: corrections, indexes, strip marks.

`prepare_presentation` runs in a worker (the TaskRunner's pool or the store's lane); its loops give way
to a busy GUI thread (desktop/pacing.py). Plain Python, no widgets.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from desktop.analysis.records import Analysis
from desktop.ui.descriptions import links
from desktop.ui.facts_model import FactNode, build_fact_tree
from desktop.ui.highlights import HighlightIndex
from desktop.ui.overview_strip import highlight_bins


@dataclass(frozen=True)
class Presentation:
    """What the window shows for one analysis, prepared in a worker (pure Python, tens of ms per MB).

    `analysis` has the reader's corrections applied; `raw` is the analysis as the engine or cache gave it.
    `facts`, the Facts tree (about 80 ms per MB), is built here for a new analysis, while the window
    waits anyway: built later, alongside painting, its Python kept the GUI thread waiting for the GIL
    (120 ms on 3 MB). An article reopened from the cache leaves it None and builds it after the
    highlights are painted, so they show sooner.
    """

    analysis: Analysis
    index: HighlightIndex
    strip_bins: dict[str, set[int]]
    raw: Analysis
    facts: FactNode | None = None


@contextmanager
def kept_from_the_collector() -> Iterator[None]:
    """The cyclic garbage collector paused while an analysis's objects are made, and never run over them.

    Only pausing it (gc_paused) was not enough: once it was on again, its next passes went over the
    hundreds of thousands of objects just made, in one go, holding the GIL for up to 190 ms, and the
    window could not paint meanwhile (tests/bench/ui_library.py, a 1 MB article reopened under load).
    So they are frozen (gc.freeze): the collector leaves them alone. They form no cycles, so reference
    counting still frees them when the article goes; the price is that any cyclic garbage alive at that
    moment is never collected.
    """
    from desktop.store.analyses import gc_paused

    with gc_paused():
        try:
            yield
        finally:
            gc.freeze()


def prepare_presentation(
    analysis: Analysis, text: str, verdicts: tuple[Any, ...] = (), with_facts: bool = False
) -> Presentation:
    """Apply the reader's verdicts (Annotations with source "auto") and index the highlights."""
    from desktop.store.corrections import apply_corrections

    with kept_from_the_collector():  # tens of thousands of new objects and no cycles
        shown = apply_corrections(analysis, verdicts) if verdicts else analysis
        index = HighlightIndex(shown)
        links(shown)  # warm the lookups the Details panel and tooltips use
        facts = build_fact_tree(shown, text) if with_facts else None
        return Presentation(shown, index, highlight_bins(index, len(text)), analysis, facts)
