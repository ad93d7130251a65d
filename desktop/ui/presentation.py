"""What the window shows for one analysis, prepared off the GUI thread: corrections, indexes, strip marks, facts.

`prepare_presentation` runs in a worker (the TaskRunner's pool or the store's lane); its loops give way
to a busy GUI thread (desktop/pacing.py). Plain Python, no widgets.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
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
    The highlights need only `index`. The rest (`strip_bins` and `facts`, together about 130 ms of
    Python per MB) is `complete`d in a worker once the highlights are painted when an
    article is reopened from the cache, so the highlights show sooner; for a new analysis it is made
    at once, while the window waits for the analysis anyway (made later, alongside painting, the Facts
    tree's Python kept the GUI thread waiting for the GIL: 120 ms on 3 MB).
    """

    analysis: Analysis
    index: HighlightIndex
    raw: Analysis
    strip_bins: dict[str, set[int]] | None = None
    facts: FactNode | None = None

    @property
    def complete(self) -> bool:
        return self.facts is not None


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
    from desktop.store.collector import gc_paused

    with gc_paused():
        try:
            yield
        finally:
            gc.freeze()


def prepare_presentation(
    analysis: Analysis, text: str, verdicts: tuple[Any, ...] = (), complete: bool = False
) -> Presentation:
    """Apply the reader's verdicts (Annotations with source "auto") and index the highlights (and, with
    `complete`, make the rest at once: see Presentation)."""
    from desktop.store.corrections import apply_corrections

    with kept_from_the_collector():  # tens of thousands of new objects and no cycles
        shown = apply_corrections(analysis, verdicts) if verdicts else analysis
        presentation = Presentation(shown, HighlightIndex(shown), analysis)
        links(shown)  # warm the lookups the Details panel makes as soon as it is given the analysis
    return completed(presentation, text) if complete else presentation


def completed(presentation: Presentation, text: str) -> Presentation:
    """`presentation` with the overview strip's marks and the Facts tree."""
    with kept_from_the_collector():
        bins = highlight_bins(presentation.index, len(text))
        return replace(presentation, strip_bins=bins, facts=build_fact_tree(presentation.analysis, text))
