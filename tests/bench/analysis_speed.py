"""Benchmark: bare spaCy vs the whole analysis on ~1 MB of real articles; prints words/s and the ratio.

    .venv/bin/python -m tests.bench.analysis_speed [--mb 1.0]

Stock spaCy means the pipeline with thinc's default (blis) matrix product; the engine uses numpy's
(desktop/analysis/fast_ops.py) and adds the extractors. Goals (issue 3): whole analysis <= 1.15x bare
nlp.pipe with the same ops, and engine >= 1.5x stock spaCy in words per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desktop.analysis.engine import analyze_text
from desktop.analysis.pipeline import PIPE_BATCH, load_pipeline, split_paragraphs
from desktop.config import DEFAULT_MODEL, ModelChoice

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def corpus(megabytes: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    one_round = "\n\n".join(texts)
    repeats = max(1, round(megabytes * 1_000_000 / len(one_round.encode("utf-8"))))
    return "\n\n".join([one_round] * repeats)


def bare_pipe(text: str, fast_gemm: bool, batch_size: int | None = None) -> tuple[float, int]:
    """nlp.pipe over the paragraphs; batch_size None is spaCy's own default (nlp.batch_size)."""
    nlp = load_pipeline(DEFAULT_MODEL, fast_gemm)
    pieces = [p for _, p in split_paragraphs(text)]
    started = time.perf_counter()
    words = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(pieces, batch_size=batch_size))
    return time.perf_counter() - started, words


def whole_analysis(text: str, fast_gemm: bool) -> float:
    started = time.perf_counter()
    analyze_text(text, ModelChoice(DEFAULT_MODEL, fast_gemm))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the text in megabytes")
    args = parser.parse_args(argv)
    text = corpus(args.mb)
    # Warm both pipelines so loading is not timed.
    for fast in (False, True):
        analyze_text("Warm-up sentence said John Smith.", ModelChoice(DEFAULT_MODEL, fast))

    # Stock spaCy as a user would run it: blis ops, spaCy's default batch size. The engine's own
    # batching (pipeline.PIPE_BATCH) is used for the bare pipe it is compared with for the overhead.
    stock_s, words = bare_pipe(text, fast_gemm=False)
    fast_s, _ = bare_pipe(text, fast_gemm=True, batch_size=PIPE_BATCH)
    engine_s = whole_analysis(text, fast_gemm=True)
    stock_engine_s = whole_analysis(text, fast_gemm=False)

    print(f"analysis speed on {len(text.encode('utf-8')) / 1e6:.2f} MB, {words:,} words")
    print(f"  stock spaCy: nlp.pipe, blis ops:   {stock_s:7.2f} s  {words / stock_s:8,.0f} words/s")
    print(f"  bare nlp.pipe, numpy gemm, batch {PIPE_BATCH}: {fast_s:5.2f} s  {words / fast_s:8,.0f} words/s")
    print(f"  whole analysis, numpy gemm:       {engine_s:7.2f} s  {words / engine_s:8,.0f} words/s")
    print(f"  whole analysis, stock ops:        {stock_engine_s:7.2f} s  {words / stock_engine_s:8,.0f} words/s")
    print(f"  extraction overhead (analysis / bare pipe, same ops): {engine_s / fast_s:.3f}  (goal <= 1.15)")
    print(f"  engine vs stock spaCy (words/s): {stock_s / engine_s:.2f}x  (goal >= 1.5)")


if __name__ == "__main__":
    main()
