"""Benchmark: bare spaCy vs the whole analysis on ~1 MB of real articles; prints words/s and the ratio.

    .venv/bin/python -m tests.bench.analysis_speed [--mb 1.0]

Stock spaCy means the pipeline with thinc's default (blis) matrix product, one process, spaCy's own
batch size. The engine uses numpy's matrix product (fast_ops.py) and the look-up attribute matcher
(fast_rules.py), adds the extractors, and shares a long text between two forked processes where the
machine has two CPUs (pipeline.parse_processes; FACTLIGHT_PROCESSES=1 turns it off). Both are printed.
Goals (issue 3): whole analysis <= 1.15x the bare nlp.pipe with the same ops and processes, and the
engine >= 1.5x stock spaCy in words per second.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from desktop.analysis.engine import analyze_text
from desktop.analysis.nlp import PIPE_BATCH, load_pipeline, parse_processes, split_paragraphs
from desktop.analysis.nlp.parallel import shared_pipe
from desktop.config import DEFAULT_MODEL, PROCESSES_ENV, ModelChoice

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def corpus(megabytes: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    one_round = "\n\n".join(texts)
    repeats = max(1, round(megabytes * 1_000_000 / len(one_round.encode("utf-8"))))
    return "\n\n".join([one_round] * repeats)


def bare_pipe(text: str, fast_gemm: bool, batch_size: int | None = None, processes: int = 1) -> tuple[float, int]:
    """nlp.pipe over the paragraphs; batch_size None is spaCy's own default (nlp.batch_size)."""
    nlp = load_pipeline(DEFAULT_MODEL, fast_gemm)
    pieces = [p for _, p in split_paragraphs(text)]
    started = time.perf_counter()
    if processes > 1:
        docs = shared_pipe(nlp, pieces, processes, batch_size or PIPE_BATCH)
    else:
        docs = nlp.pipe(pieces, batch_size=batch_size)
    words = sum(sum(1 for t in doc if not t.is_space) for doc in docs)
    return time.perf_counter() - started, words


def whole_analysis(text: str, processes: int) -> float:
    previous = os.environ.get(PROCESSES_ENV)
    os.environ[PROCESSES_ENV] = str(processes)
    try:
        started = time.perf_counter()
        analyze_text(text, ModelChoice(DEFAULT_MODEL, fast_gemm=True))
        return time.perf_counter() - started
    finally:
        if previous is None:
            del os.environ[PROCESSES_ENV]
        else:
            os.environ[PROCESSES_ENV] = previous


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the text in megabytes")
    args = parser.parse_args(argv)
    text = corpus(args.mb)
    # Warm both pipelines so loading is not timed.
    for fast in (False, True):
        analyze_text("Warm-up sentence said John Smith.", ModelChoice(DEFAULT_MODEL, fast))
    shared = parse_processes(len(text))  # what the engine does with this text here (FACTLIGHT_PROCESSES)

    # Stock spaCy as a user would run it: blis ops, spaCy's default batch size, one process. The
    # engine's bare pipe uses its own batching and processes, so the overhead compares like with like.
    stock_s, words = bare_pipe(text, fast_gemm=False)
    fast1_s, _ = bare_pipe(text, fast_gemm=True, batch_size=PIPE_BATCH)
    engine1_s = whole_analysis(text, processes=1)
    if shared > 1:
        fast_s, _ = bare_pipe(text, fast_gemm=True, batch_size=PIPE_BATCH, processes=shared)
        engine_s = whole_analysis(text, processes=shared)
    else:
        fast_s, engine_s = fast1_s, engine1_s

    def line(label: str, seconds: float) -> str:
        return f"  {label:<46} {seconds:7.2f} s  {words / seconds:8,.0f} words/s"

    print(f"analysis speed on {len(text.encode('utf-8')) / 1e6:.2f} MB, {words:,} words, {os.cpu_count()} CPUs")
    print(line("stock spaCy: nlp.pipe, blis ops, 1 process", stock_s))
    print(line(f"engine's nlp.pipe (fast ops, batch {PIPE_BATCH}), 1 process", fast1_s))
    print(line("engine's whole analysis, 1 process", engine1_s))
    if shared > 1:
        print(line(f"engine's nlp.pipe, {shared} processes", fast_s))
        print(line(f"engine's whole analysis, {shared} processes (the default here)", engine_s))
    print(f"  extraction overhead (analysis / bare pipe, same ops and processes): {engine_s / fast_s:.3f}"
          f" (1 process: {engine1_s / fast1_s:.3f})  (goal <= 1.15)")
    print(f"  engine vs stock spaCy (words/s): {stock_s / engine_s:.2f}x"
          f" (1 process: {stock_s / engine1_s:.2f}x)  (goal >= 1.5)")


if __name__ == "__main__":
    main()
