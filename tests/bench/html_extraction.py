"""How well and how fast saved web pages become article text: token F1 against hand-picked article bodies.

Run: `.venv/bin/python -m tests.bench.html_extraction [DIR]` where DIR holds `<id>.html.gz` pages and a
`ground-truth.json` ({id: {"articleBody": …, "url": …}}), as in tests/fixtures/html (the default) or the
project's shared set of 40 pages. The score is the one the fixtures' README defines: bag-of-tokens F1 on
`re.findall(r"\\w+")`. Pages go through the same code path as opening a file in the window.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.documents import DocumentError, load

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "html"


@dataclass(frozen=True)
class PageScore:
    page_id: str
    url: str
    precision: float
    recall: float
    f1: float
    seconds: float


def word_tokens(text: str) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"\w+", text or ""))


def token_scores(extracted: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the extracted text's word tokens against the true article body."""
    got, want = word_tokens(extracted), word_tokens(truth)
    if not got and not want:
        return 1.0, 1.0, 1.0
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_pages(directory: Path) -> list[PageScore]:
    """Open every page in `directory` with documents.load and score it against its ground truth."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    with tempfile.TemporaryDirectory(prefix="factlight-html-") as tmp:
        load(_warm_up_page(Path(tmp)))  # imports trafilatura and its date parser once, outside the timings
        for page_id, item in sorted(truth.items()):
            page = Path(tmp) / f"{page_id}.html"
            page.write_bytes(gzip.decompress((directory / f"{page_id}.html.gz").read_bytes()))
            started = time.perf_counter()
            try:
                text = load(page).text
            except DocumentError:
                text = ""
            seconds = time.perf_counter() - started
            scores.append(PageScore(page_id, item.get("url", ""), *token_scores(text, item["articleBody"]), seconds))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args(argv)
    scores = score_pages(args.directory)
    if not scores:
        print(f"no pages in {args.directory}")
        return 1
    print(f"{'page':14} {'P':>6} {'R':>6} {'F1':>6} {'ms':>6}  url")
    for s in sorted(scores, key=lambda s: s.f1):
        print(f"{s.page_id[:12]:14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.seconds * 1000:6.0f}  {s.url[:70]}")
    f1s = [s.f1 for s in scores]
    times = [s.seconds * 1000 for s in scores]
    print(
        f"{len(scores)} pages: mean F1 {statistics.mean(f1s):.4f}, median F1 {statistics.median(f1s):.4f}, "
        f"mean P {statistics.mean(s.precision for s in scores):.4f}, mean R {statistics.mean(s.recall for s in scores):.4f}"
    )
    print(f"time per page: mean {statistics.mean(times):.1f} ms, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
    return 0


def _warm_up_page(directory: Path) -> Path:
    page = directory / "warm-up.html"
    page.write_text(
        "<html><head><title>Warm-up</title></head><body><article>"
        + "<p>A paragraph that is long enough to count as the article text of a page.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )
    return page


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
