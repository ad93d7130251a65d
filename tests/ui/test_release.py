"""Releasing a shown article's records in a worker: everything goes, Facts trees included, without the cyclic collector."""

from __future__ import annotations

import gc
import weakref

from desktop.analysis.records import Analysis, Entity
from desktop.ui.facts_model import FactNode
from desktop.ui.highlights import HighlightIndex
from desktop.ui.release import _pieces, free_in_pieces


def a_tree() -> tuple[FactNode, list[weakref.ref]]:
    root = FactNode("")
    refs = [weakref.ref(root)]
    for g in range(3):
        group = root.add(FactNode(f"group {g}"))
        refs.append(weakref.ref(group))
        for i in range(700):
            refs.append(weakref.ref(group.add(FactNode(f"row {i}"))))
    return root, refs


def test_a_facts_tree_is_freed_by_reference_counting_alone():
    gc.disable()
    try:
        root, refs = a_tree()
        pieces = [_pieces(root)]
        del root
        assert all(r() is not None for r in refs)  # the cycles (parent <-> children) keep it alive
        assert free_in_pieces(pieces) == len(refs)
        assert all(r() is None for r in refs)
    finally:
        gc.enable()


def test_an_analysis_and_its_index_are_freed_piece_by_piece():
    entities = tuple(Entity(start=i * 10, end=i * 10 + 5, text=f"Name{i}", label="PERSON", kind="person") for i in range(1000))
    analysis = Analysis(model_name="m", model_version="1", entities=entities)
    index = HighlightIndex(analysis)
    refs = [weakref.ref(x) for x in (*entities, *index.items)]
    pieces = [_pieces(analysis), _pieces(index)]
    del entities, analysis, index
    assert all(r() is not None for r in refs)  # held by the pieces alone now
    assert free_in_pieces(pieces) == 2000
    assert pieces == [] and all(r() is None for r in refs)
