"""PDF text: each library used raw against Factlight's reader, on the shared PDF set; and a 100-page PDF.

    .venv/bin/python -m tests.bench.pdf_extraction [--devset DIR] [--skip-analysis]

The set (30 news pages, each printed from the browser and typeset in one to three columns) is read
from ../shared/devsets/pdf beside the checkout when it is there (or --devset, or FACTLIGHT_PDF_DEVSET);
it is never copied into the project. The score is the development set's: whitespace-token precision
and recall of the text against the true article body, per PDF, averaged over PDFs, and the F1 of the
two averages (printed and typeset apart). Raw means the library's plain text call: pypdfium2
get_text_bounded() per page, pdfminer.six extract_text(), pypdf extract_text() per page.

The 100-page PDF is built here from the fixture articles (tests/fixtures/articles, two columns, running
heads, page numbers). "Visible" is load() returning the Document, which the window shows at once (the
whole text: PDF pages are read in about 6 ms each, so no page-by-page preview is needed); "analysed" is
analyze_text on its text, printed beside the same text's analysis when read from a .txt file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop.documents import load
from tests.documents.pdf_maker import make_pdf, typeset

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
DEVSET_ENV = "FACTLIGHT_PDF_DEVSET"


def default_devset() -> Path:
    return Path(os.environ.get(DEVSET_ENV) or ROOT.parent / "shared" / "devsets" / "pdf")


def pdfium_raw(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in pdf)
    finally:
        pdf.close()


def pdfminer_raw(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pypdf_raw(path: Path) -> str:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def factlight(path: Path) -> str:
    return load(path).text


READERS: dict[str, Callable[[Path], str]] = {
    "pypdfium2 raw": pdfium_raw,
    "pdfminer.six raw": pdfminer_raw,
    "pypdf raw": pypdf_raw,
    "Factlight": factlight,
}


def token_counts(truth: str, text: str) -> tuple[int, int, int]:
    true, predicted = Counter(truth.split()), Counter(text.split())
    hits = sum((true & predicted).values())
    return hits, sum(predicted.values()) - hits, sum(true.values()) - hits


def page_average(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    precisions = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp]
    recalls = [tp / (tp + fn) for tp, _, fn in counts if tp + fn]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_devset(devset: Path) -> dict[str, dict[str, object]]:
    gold = json.loads((devset / "gold.json").read_text(encoding="utf-8"))["documents"]
    load(devset / gold[0]["file"])  # imports and the word list once, outside the timings
    results: dict[str, dict[str, object]] = {}
    for name, reader in READERS.items():
        counts: dict[str, list[tuple[int, int, int]]] = {}
        started = time.perf_counter()
        for item in gold:
            text = reader(devset / item["file"])
            counts.setdefault(item["kind"], []).append(token_counts(item["article_body"], text))
        seconds = time.perf_counter() - started
        results[name] = {kind: page_average(c) for kind, c in counts.items()}
        results[name]["seconds"] = seconds / len(gold)
    return results


def print_table(results: dict[str, dict[str, object]]) -> None:
    print(f"{'reader':<18} {'typeset P/R/F1':>22} {'printed P/R/F1':>22} {'s/PDF':>7}")
    for name, row in results.items():
        cells = [" ".join(f"{v:.3f}" for v in row[kind]) for kind in ("typeset", "printed")]
        print(f"{name:<18} {cells[0]:>22} {cells[1]:>22} {row['seconds']:>7.3f}")
    ours = results["Factlight"]
    for kind, bar in (("typeset", 0.97), ("printed", 0.80)):
        best_raw = max(row[kind][2] for name, row in results.items() if name != "Factlight")
        f1 = ours[kind][2]
        print(f"  {kind}: Factlight F1 {f1:.3f} (goal >= {bar:.2f}, best raw {best_raw:.3f}): "
              f"{'met' if f1 >= bar and f1 > best_raw else 'NOT met'}")


def hundred_page_pdf(directory: Path) -> tuple[Path, Path]:
    """A 100-page, two-column PDF of the fixture articles, and the same paragraphs as a .txt."""
    paragraphs: list[str] = []
    for article in sorted(ARTICLES.glob("*.txt")):
        paragraphs += [p.strip() for p in article.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    pages: list = []
    text: list[str] = []
    rounds = 0
    while len(pages) < 100:
        # Each round in another order, so that no line recurs at the same height of another page (which
        # a report never does, and which would make it a running head).
        rounds += 1
        text += random.Random(rounds).sample(paragraphs, len(paragraphs))
        pages = typeset(text, columns=2, header="Factlight benchmark report · {n}", size=9)
    while len(pages) > 100:
        text.pop()
        pages = typeset(text, columns=2, header="Factlight benchmark report · {n}", size=9)
    pdf = directory / "hundred-pages.pdf"
    pdf.write_bytes(make_pdf(pages, title="Factlight benchmark report"))
    plain = directory / "hundred-pages.txt"
    plain.write_text("\n\n".join(text), encoding="utf-8")
    return pdf, plain


def bench_hundred_pages(skip_analysis: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="factlight-pdf-") as tmp:
        pdf, plain = hundred_page_pdf(Path(tmp))
        load(pdf)  # warm: imports, the word list
        timings, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            document = load(pdf)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        words = len(document.text.split())
        # CPU time beside the wall clock: on a shared machine the wall clock also counts other programs.
        print(f"100-page PDF ({pdf.stat().st_size / 1e6:.1f} MB, {len(document.pages)} pages, {words:,} words): "
              f"text ready in {min(timings):.2f} s wall, {min(cpu):.2f} s CPU (best of 3; goal < 1 s), "
              f"{len(document.text):,} characters; load average {os.getloadavg()[0]:.1f}")
        same = document.text.split() == plain.read_text(encoding="utf-8").split()
        print(f"  the PDF's words are the words set on its pages: {same}")
        if skip_analysis:
            return
        from desktop.analysis.engine import analyze_text
        from desktop.config import ModelChoice

        model = ModelChoice.from_environment()
        analyze_text("Warm up the pipeline.", model)
        started = time.perf_counter()
        analysis = analyze_text(document.text, model)
        from_pdf = time.perf_counter() - started
        started = time.perf_counter()
        analyze_text(plain.read_text(encoding="utf-8"), model)
        from_txt = time.perf_counter() - started
        print(f"  analysed in {from_pdf:.1f} s ({words / from_pdf:,.0f} words/s; the same text from .txt "
              f"{from_txt:.1f} s: ratio {from_pdf / from_txt:.2f}); {len(analysis.entities):,} names, "
              f"{len(analysis.quotes):,} quotes, {len(analysis.numbers):,} numbers")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=None)
    parser.add_argument("--skip-analysis", action="store_true")
    args = parser.parse_args(argv)
    devset = args.devset or default_devset()
    if (devset / "gold.json").is_file():
        print_table(score_devset(devset))
    else:
        print(f"no PDF development set at {devset}: the comparison table is skipped")
    bench_hundred_pages(args.skip_analysis)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
