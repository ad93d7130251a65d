"""The paragraph stream: offsets mapped back into the whole text, progress, cancellation, gemm paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.analysis.engine import analyze_text
from desktop.analysis.nlp import (
    AnalysisCancelled,
    ModelError,
    load_pipeline,
    parse,
    split_paragraphs,
)
from desktop.config import DEFAULT_MODEL, ModelChoice

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def test_paragraph_offsets_point_into_the_text():
    text = "First line.\n\n  Second one here.\nThird.\n"
    pieces = split_paragraphs(text)
    assert [p for _, p in pieces] == ["First line.", "  Second one here.", "Third."]
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


def test_enormous_line_is_cut_into_chunks_that_tile_it():
    line = "Word after word goes on. " * 2000
    pieces = split_paragraphs(line, max_chunk=3000)
    assert len(pieces) > 10
    assert all(len(p) <= 3000 for _, p in pieces)
    assert "".join(p for _, p in pieces) == line
    # Cuts fall after a sentence end, so no sentence is split.
    assert all(p.endswith(". ") for _, p in pieces[:-1])


def test_token_offsets_are_absolute(nlp_pipeline):
    text = (ARTICLES / "rferl-johnson-putin.txt").read_text(encoding="utf-8")
    parsed = parse(text, nlp_pipeline)
    for para in parsed.paragraphs:
        for token in para.doc:
            start = para.start + token.idx
            assert text[start : start + len(token.text)] == token.text
    starts = [s.start for s in parsed.sentences()]
    assert starts == sorted(starts)
    kirby = text.index("John Kirby")
    assert parsed.sentence_at(kirby).start <= kirby < parsed.sentence_at(kirby).end


def test_progress_rises_to_one_and_cancel_stops(nlp_pipeline):
    text = (ARTICLES / "rferl-johnson-putin.txt").read_text(encoding="utf-8")
    seen: list[float] = []
    parse(text, nlp_pipeline, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    calls = []

    def cancel_after_three() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(AnalysisCancelled):
        parse(text, nlp_pipeline, cancelled=cancel_after_three)
    assert len(calls) == 3


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="pip install xx-missing-model"):
        load_pipeline("xx_missing_model")


def test_numpy_gemm_gives_the_same_analysis_as_blis():
    """The fast matrix product is on by default; it must not change a single record."""
    for name in ("rferl-johnson-putin.txt", "livescience-tng50-simulation.txt"):
        text = (ARTICLES / name).read_text(encoding="utf-8")
        fast = analyze_text(text, ModelChoice(DEFAULT_MODEL, fast_gemm=True))
        stock = analyze_text(text, ModelChoice(DEFAULT_MODEL, fast_gemm=False))
        assert fast == stock
        assert len(fast.entities) > 10


def test_fast_attribute_rules_set_the_same_token_attributes():
    """The look-up matcher of the attribute_ruler: every token's tag, POS, morphology and lemma as stock."""
    from desktop.analysis.nlp.fast_rules import FastAttributeMatcher, token_attributes

    fast = load_pipeline(DEFAULT_MODEL, fast_gemm=True)
    stock = load_pipeline(DEFAULT_MODEL, fast_gemm=False)
    assert isinstance(fast.get_pipe("attribute_ruler").match, FastAttributeMatcher)
    assert not isinstance(stock.get_pipe("attribute_ruler").match, FastAttributeMatcher)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    # Forms the ruler's rarer patterns are for: contractions, "gonna", "there is", "y'all", objects.
    texts.append("Y'all ain't gonna believe it. There is nothin' he can't do; let's give it to you and me.")
    compared = 0
    for a, b in zip(fast.pipe(texts), stock.pipe(texts), strict=True):
        assert [token_attributes(t) for t in a] == [token_attributes(t) for t in b]
        compared += len(a)
    assert compared > 4000


def test_a_long_text_parsed_by_two_processes_gives_the_same_docs(nlp_pipeline, monkeypatch):
    """Long texts are shared with a forked helper process where processes start by fork."""
    from desktop.analysis.nlp import parsing as pipeline
    from desktop.analysis.nlp.parallel import can_fork

    if not can_fork():
        pytest.skip("parallel parsing is used only where processes start by fork")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    monkeypatch.setenv("FACTLIGHT_PROCESSES", "1")
    alone = parse(text, nlp_pipeline)
    monkeypatch.setenv("FACTLIGHT_PROCESSES", "2")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 1000)
    assert pipeline.parse_processes(len(text)) == 2
    shared = parse(text, nlp_pipeline)
    assert [p.start for p in shared.paragraphs] == [p.start for p in alone.paragraphs]
    assert [p.doc.to_bytes() for p in shared.paragraphs] == [p.doc.to_bytes() for p in alone.paragraphs]


def test_a_cancelled_parallel_parse_stops_its_helpers_at_once(nlp_pipeline, monkeypatch):
    import multiprocessing
    import time

    from desktop.analysis.nlp import parsing as pipeline
    from desktop.analysis.nlp.parallel import can_fork

    if not can_fork():
        pytest.skip("parallel parsing is used only where processes start by fork")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))) * 3
    monkeypatch.setenv("FACTLIGHT_PROCESSES", "2")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 1000)
    before = set(multiprocessing.active_children())
    seen = []
    started = time.perf_counter()
    with pytest.raises(AnalysisCancelled):
        parse(text, nlp_pipeline, progress=seen.append, cancelled=lambda: len(seen) >= 70)
    assert time.perf_counter() - started < 10
    assert len(seen) == 70  # stopped where asked, past the first batch of each process
    assert set(multiprocessing.active_children()) - before == set()


def test_numbers_read_by_a_forked_helper_are_the_ones_read_here(monkeypatch):
    """With two processes the numbers are read in a forked helper while the entities are found here."""
    import multiprocessing

    from desktop.analysis.nlp import parsing as pipeline
    from desktop.analysis.nlp.parallel import can_fork

    if not can_fork():
        pytest.skip("parallel analysis is used only where processes start by fork")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    model = ModelChoice(DEFAULT_MODEL, fast_gemm=True)
    monkeypatch.setenv("FACTLIGHT_PROCESSES", "1")
    alone = analyze_text(text, model)
    monkeypatch.setenv("FACTLIGHT_PROCESSES", "2")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 1000)
    before = set(multiprocessing.active_children())
    shared = analyze_text(text, model)
    assert len(alone.numbers) > 50
    assert shared == alone
    assert set(multiprocessing.active_children()) - before == set()
