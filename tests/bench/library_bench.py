"""The library at scale (issue 12), printed as figures, not asserted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.library_bench [--articles 10000] [--cache DIR]

1. import throughput: `factlight import FILES` against `factlight analyze --json FILES` on the same files
   (real-text articles: the fixtures and, where present, ../shared/devsets read in place), goal >= 0.85;
2. a library of --articles real-text articles: every base article (fixtures, devsets) imported once with
   its real analysis, then stored again and again, each copy made distinct by a dispatch line at its end
   and its own date (its analysis still fits: the text only grows at the end); database size printed;
3. search: median and p95 over words of every frequency, phrases, prefixes and filters (goal < 50 ms,
   < 150 ms);
4. the Library view: 10,000 rows shown, and sorted by each column (goal < 200 ms);
5. the worst GUI-thread delay while the window imports a folder and while it searches (goal < 50 ms);
6. peak memory of the bench process and of the import processes.

The base library (the slow part: the analyses) is kept in --cache and reused when the same files come.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
DEVSETS = ROOT.parent / "shared" / "devsets"
DEVSET_NAMES = ("quotes", "quotes-more", "entities", "numbers", "entities-re3d")


def base_files(cache: Path, limit: int | None) -> list[Path]:
    """Real-text articles: the fixture articles and web pages (unpacked into the cache), and the devsets'
    documents (read in place)."""
    files = sorted((FIXTURES / "articles").glob("*.txt"))
    pages = cache / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for page in sorted((FIXTURES / "html").glob("*.html.gz")):
        target = pages / page.name[: -len(".gz")]
        target.write_bytes(gzip.decompress(page.read_bytes()))
        files.append(target)
    for name in DEVSET_NAMES:
        folder = DEVSETS / name / "docs"
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    return files[:limit] if limit else files


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   worst {ordered[-1] * 1000:6.1f} ms"


def _factlight(*args: str, env: dict | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    if done.returncode not in (0, 2):
        raise RuntimeError(done.stderr[-2000:])
    return time.perf_counter() - started


def throughput(files: list[Path], scratch: Path) -> None:
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    analyze = _factlight("analyze", "--json", *map(str, files))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    imported = _factlight("import", "--db", str(scratch / "throughput.db"), *map(str, files))
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"import throughput on {len(files)} files ({words:,} words), {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(f"  factlight analyze --json   {analyze:7.1f} s   {len(files) / analyze:6.1f} files/s")
    print(f"  factlight import           {imported:7.1f} s   {len(files) / imported:6.1f} files/s   (processes: {os.cpu_count()})")
    print(f"  import / analyze throughput: {analyze / imported:.2f}  (goal >= 0.85)   peak RSS of one process {peak / 1024:.0f} MB")


def base_library(files: list[Path], cache: Path) -> Path:
    key = hashlib.sha256("\n".join(str(p) for p in files).encode()).hexdigest()[:16]
    db_path = cache / f"base-{key}.db"
    if db_path.exists():
        print(f"base library: {db_path} (cached)")
        return db_path
    cache.mkdir(parents=True, exist_ok=True)
    from desktop.store.importing import import_files

    started = time.perf_counter()
    summary = import_files(db_path.with_suffix(".part"), files, processes=os.cpu_count() or 1)
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path.with_suffix(".part")) + suffix)
        if part.exists():
            part.rename(Path(str(db_path) + suffix))
    print(f"base library: {len(summary.imported)} articles analysed in {time.perf_counter() - started:.0f} s ({len(summary.failed)} unreadable)")
    return db_path


def big_library(base: Path, target: Path, articles: int, notes: int) -> dict:
    """`articles` distinct documents made from the base ones, each with its (still valid) analysis."""
    from desktop.store import open_library
    from desktop.store.analyses import latest_payload

    rng = random.Random(12)
    with open_library(base, read_only=True) as source:
        bases = []
        for stored in source.documents():
            document = source.load_document(stored.id)
            with source._reading() as db:
                payload = latest_payload(db, document.sha256)
            if payload is not None:
                bases.append((document, payload))
    from desktop.analysis.records import Analysis
    from desktop.documents.model import Document

    decoded = [(d, Analysis.from_dict(json.loads(p)), p) for d, p in bases]
    started = time.perf_counter()
    with open_library(target) as library:
        batch = 500
        for first in range(0, articles, batch):
            with library._writing() as db:  # a bulk load: one transaction per 500 articles, not 10,000 commits
                for i in range(first, min(articles, first + batch)):
                    document, analysis, payload = decoded[i % len(decoded)]
                    day = f"20{15 + i % 10:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
                    copy = Document.from_text(
                        document.text + f"\n\nDispatch {i}, filed from desk {i % 97}.",
                        format=document.format, path=f"/news/desk-{i % 97}/article-{i}{Path(document.path or 'a.txt').suffix}",
                        title=document.title, metadata={**document.metadata, "date": day},
                    )  # fmt: skip
                    library._remember(db, copy)
                    library._save_analysis(db, copy.sha256, analysis, payload)
        document_ids = [e.id for e in library.catalogue()]
        for n in range(notes):
            document = library.load_document(document_ids[rng.randrange(len(document_ids))])
            start = rng.randrange(0, max(1, len(document.text) - 40))
            library.add_annotation(document, start, start + 30, note=f"check this against source {n % 50}", tags=[f"topic {n % 12}", "verify" if n % 3 else "done"])
    size = sum(Path(str(target) + s).stat().st_size for s in ("", "-wal") if Path(str(target) + s).exists())
    print(f"library of {articles:,} articles from {len(decoded)} base articles, {notes:,} notes: built in {time.perf_counter() - started:.0f} s; database {size / 1e6:.0f} MB")
    return {"texts": [d.text for d, _a, _p in decoded]}


def search_queries(texts: list[str], rng: random.Random) -> list[str]:
    from collections import Counter

    words = Counter(w.lower() for t in texts for w in t.split() if w.isalpha() and len(w) > 3)
    ranked = [w for w, _n in words.most_common()]
    common, middle, rare = ranked[:40], ranked[len(ranked) // 10 : len(ranked) // 10 + 200], ranked[-2000:]
    queries = [rng.choice(common) for _ in range(15)] + [rng.choice(middle) for _ in range(25)] + [rng.choice(rare) for _ in range(15)]
    for _ in range(15):
        text = rng.choice(texts).split()
        at = rng.randrange(0, max(1, len(text) - 3))
        queries.append('"' + " ".join(text[at : at + 2]).replace('"', "") + '"')
    queries += [rng.choice(middle)[:4] + "*" for _ in range(10)]
    queries += [f"speaker:{name}" for name in ("Trump", "Clinton", "Obama", "Kirby", "Sanders")]
    queries += [f"{rng.choice(middle)} in:quotes" for _ in range(5)] + ["tag:verify source", "tag:\"topic 3\"", "source in:notes"]
    queries += [f"{rng.choice(common)} {rng.choice(middle)}" for _ in range(10)] + [f"{rng.choice(common)} -{rng.choice(middle)}" for _ in range(5)]
    return queries


def time_search(db_path: Path, texts: list[str]) -> None:
    from desktop.store import open_library

    rng = random.Random(7)
    queries = search_queries(texts, rng)
    with open_library(db_path, read_only=True) as library:
        for q in queries[:5]:
            library.search(q)  # warm the page cache
        times, found = [], []
        for q in queries:
            started = time.perf_counter()
            result = library.search(q)
            times.append(time.perf_counter() - started)
            found.append(result.articles)
        people_started = time.perf_counter()
        people = library.people()
        people_s = time.perf_counter() - people_started
        catalogue_started = time.perf_counter()
        entries = library.catalogue()
        catalogue_s = time.perf_counter() - catalogue_started
    slowest = sorted(zip(times, queries, found, strict=True))[-3:]
    print(f"search, {len(queries)} queries (words of every frequency, phrases, prefixes, filters): {_ms(times)}   (goal median < 50, p95 < 150)")
    print("  slowest: " + "; ".join(f"{q!r} {t * 1000:.0f} ms ({n} articles)" for t, q, n in slowest))
    print(f"  in the store worker: the Library list of {len(entries):,} rows read in {catalogue_s * 1000:.0f} ms; people ({len(people):,}) in {people_s * 1000:.0f} ms")
    return entries


def time_library_view(entries) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.app import create_application
    from desktop.ui.library_model import COLUMNS
    from desktop.ui.library_panel import LibraryPanel

    app = create_application()
    panel = LibraryPanel()
    panel.resize(1400, 900)
    panel.show()
    app.processEvents()
    started = time.perf_counter()
    panel.set_entries(entries)
    panel.table.viewport().repaint()
    app.processEvents()
    shown = time.perf_counter() - started
    sorts = []
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            started = time.perf_counter()
            panel.table.sortByColumn(column, order)
            panel.table.viewport().repaint()
            app.processEvents()
            sorts.append((time.perf_counter() - started, COLUMNS[column]))
    started = time.perf_counter()
    panel.filter_box.setText("desk")
    app.processEvents()
    filtered = time.perf_counter() - started
    worst = max(sorts)
    print(f"Library view: {len(entries):,} rows shown in {shown * 1000:.0f} ms; sorted by each column both ways: worst {worst[0] * 1000:.0f} ms ({worst[1]}), "
          f"median {statistics.median(t for t, _c in sorts) * 1000:.0f} ms; a filter typed {filtered * 1000:.0f} ms   (goal < 200 ms)")  # fmt: skip
    panel.close()


def gui_delays(db_path: Path, folder_files: list[Path], texts: list[str], scratch: Path) -> None:
    from desktop.ui.app import create_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from tests.bench.ui_responsiveness import StallMeter, wait

    folder = scratch / "to-import"
    folder.mkdir()
    for i, path in enumerate(folder_files):
        shutil.copy(path, folder / f"{i:04d}-{path.name}")
    app = create_application()
    window = MainWindow(AppSettings(scratch / "bench.ini"), None, db_path)
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()
    print("  (window: opening the Library view)", flush=True)
    meter.enter("opening the Library view")
    counts = []
    window.library_loaded.connect(counts.append)
    window.show_library()
    wait(app, lambda: bool(counts))
    summaries = []
    window.import_finished.connect(summaries.append)
    print("  (window: importing)", flush=True)
    meter.enter(f"importing {len(folder_files)} files")
    started = time.perf_counter()
    window.library.import_paths([str(folder)])
    wait(app, lambda: bool(summaries))
    imported_s = time.perf_counter() - started
    queries = search_queries(texts, random.Random(3))[:40]  # made before the phase: not the window's work
    print("  (window: searching)", flush=True)
    meter.enter("searching as one types")
    window.actions_.search_library.trigger()
    panel = window.search_panel
    for query in queries:
        panel.query_box.setText(query)
        panel.run_search()
        wait(app, lambda: not panel.status_label.text().startswith("Searching"))
    print("  (window: people)", flush=True)
    meter.enter("people panel")
    window.people_dock.show()
    window.people_dock.raise_()
    wait(app, lambda: window.people_panel.proxy.rowCount() > 0)
    meter.enter("end")
    window.close()
    print(f"GUI thread while the window works on {counts[0]:,} articles (5 ms timer, worst delay; goal < 50 ms; load average {os.getloadavg()[0]:.1f}):")
    for phase, gap in meter.worst.items():
        if phase not in ("start", "end"):
            print(f"  {phase:<28} {gap * 1000:6.0f} ms   (longest GUI-thread CPU burst {meter.busiest[phase] * 1000:4.0f} ms)")
    summary = summaries[0]
    print(f"  the window's import of {len(folder_files)} files: {len(summary.imported)} imported, {summary.skipped} skipped, "
          f"{len(summary.failed)} unreadable in {imported_s:.1f} s on {max(1, (os.cpu_count() or 1) - 1)} process(es)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="library_bench")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=2_000)
    parser.add_argument("--base-limit", type=int, help="use at most this many base articles")
    parser.add_argument("--throughput-files", type=int, default=120)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "factlight-library-bench")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        files = base_files(args.cache, args.base_limit)
        print(f"base articles: {len(files)} files (devsets {'found' if DEVSETS.is_dir() else 'not found'} at {DEVSETS})")
        sample = files[:: max(1, len(files) // args.throughput_files)][: args.throughput_files]
        throughput(sample, scratch)
        base = base_library(files, args.cache)
        db_path = scratch / "library.db"
        built = big_library(base, db_path, args.articles, args.notes)
        entries = time_search(db_path, built["texts"])
        time_library_view(entries)
        gui_delays(db_path, files[-40:], built["texts"], scratch)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {peak:.0f} MB; largest child process (import, analysis) {children:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
