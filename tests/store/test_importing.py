"""Import: folders walked for every supported format, each article once, unreadable files listed, resumable.

The pipeline is the real one; the kill test runs `factlight import` as a separate process group and
SIGKILLs all of it mid-way, as a crash or the OOM killer would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.importing import ALREADY, collect_files, import_files
from desktop.store.library import open_library

from .conftest import ARTICLES

ROOT = Path(__file__).parents[2]


def article_folder(folder: Path, copies: int = 1) -> list[Path]:
    """The fixture articles (each `copies` times, made distinct by a last line), some in a sub-folder."""
    made = []
    for n in range(copies):
        for i, source in enumerate(sorted(ARTICLES.glob("*.txt"))):
            place = folder / ("more" if i % 2 else "") / f"{source.stem}-{n}.txt"
            place.parent.mkdir(parents=True, exist_ok=True)
            place.write_text(source.read_text(encoding="utf-8") + f"\n\nFiled as dispatch {n}.\n", encoding="utf-8")
            made.append(place.resolve())
    return made


def test_collect_files_walks_folders_for_supported_formats(tmp_path):
    made = article_folder(tmp_path / "news")
    (tmp_path / "news" / "picture.png").write_bytes(b"\x89PNG")
    (tmp_path / "news" / ".hidden.txt").write_text("a hidden file", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    files, problems = collect_files([tmp_path / "news", page, tmp_path / "missing", tmp_path / "news" / "picture.png"])
    assert set(files) == {*made, page.resolve()} and len(files) == len(made) + 1
    assert [p for p, _ in problems] == [str(tmp_path / "missing"), str(tmp_path / "news" / "picture.png")]


def test_an_import_stores_each_article_once_and_lists_what_it_could_not_read(tmp_path):
    made = article_folder(tmp_path / "news")
    (tmp_path / "news" / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "news" / "same-text.md").write_text(made[0].read_text(encoding="utf-8"), encoding="utf-8")
    db_path = tmp_path / "library.db"
    events = []
    summary = import_files(db_path, [tmp_path / "news"], processes=1, report=events.append)
    assert len(summary.imported) == len(made) and summary.skipped == 1
    assert summary.failed == [(str((tmp_path / "news" / "empty.txt").resolve()), "empty.txt is empty.")]
    assert [e.kind for e in events][0] == "started" and events[-1].kind == "finished"
    assert [e.done for e in events[1:-1]] == list(range(1, summary.total + 1))
    with open_library(db_path) as library:
        entries = library.catalogue()
        assert sorted(e.path for e in entries) == sorted(str(p) for p in made)
        assert all(e.quotes is not None and e.words > 100 for e in entries)
        assert library.integrity_check() == "ok"
    again = import_files(db_path, [tmp_path / "news"], processes=1)
    assert again.imported == [] and again.skipped == len(made) + 1


def test_a_cancelled_import_stops_between_files_and_keeps_those_done(tmp_path):
    article_folder(tmp_path / "news")
    db_path = tmp_path / "library.db"
    imported = []

    def report(event):
        if event.kind == "imported":
            imported.append(event.document_id)

    summary = import_files(db_path, [tmp_path / "news"], processes=1, report=report, cancelled=lambda: len(imported) >= 2)
    assert summary.cancelled and len(summary.imported) == 2
    with open_library(db_path) as library:
        assert [e.id for e in library.catalogue()] == summary.imported


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_an_import_killed_and_restarted_ends_with_every_file_once(tmp_path):
    made = article_folder(tmp_path / "news", copies=2)
    db_path = tmp_path / "library.db"
    command = [sys.executable, "-m", "desktop", "import", str(tmp_path / "news"), "--db", str(db_path), "--processes", "2"]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    imported = 0
    try:
        for line in first.stderr:
            if " imported " in line:
                imported += 1
                if imported == 3:
                    os.killpg(first.pid, signal.SIGKILL)
                    break
    finally:
        first.kill()
        first.wait()
        first.stderr.close()
    assert first.returncode == -signal.SIGKILL and imported == 3
    second = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert second.returncode == 0, second.stderr
    assert second.stderr.count(ALREADY) >= imported  # those stored before the kill are not analysed again
    with open_library(db_path) as library:
        assert library.integrity_check() == "ok"
        paths = [e.path for e in library.catalogue()]
        assert sorted(paths) == sorted(str(p) for p in made)  # every file, each once


def test_the_import_command_says_in_one_line_what_stops_it(tmp_path):
    article_folder(tmp_path / "news")
    run = [sys.executable, "-m", "desktop", "import", "--db", str(tmp_path / "library.db")]
    missing = subprocess.run([*run, str(tmp_path / "nowhere")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr and "Traceback" not in missing.stderr
    no_model = subprocess.run(
        [*run, "--model", "no_such_pipeline", str(tmp_path / "news")], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert no_model.returncode == 2 and "Traceback" not in no_model.stderr
    assert no_model.stderr.strip().splitlines()[-1].startswith("factlight: ") and "no_such_pipeline" in no_model.stderr
