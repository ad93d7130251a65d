"""`factlight analyze FILE --db PATH` (real pipeline) and `factlight export`, in process and as a program."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.analysis.engine import ENGINE_VERSION, analyze_text
from desktop.cli import main
from desktop.config import DEFAULT_MODEL, ModelChoice
from desktop.documents import load
from desktop.store.export import HEADER
from desktop.store.library import open_library

from .conftest import ARTICLES, file_digest

ROOT = Path(__file__).parents[2]
ARTICLE = ARTICLES / "deccanherald-us-china-tariffs.txt"


def factlight(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.fixture(scope="module")
def analysed_library(tmp_path_factory, nlp_pipeline) -> Path:
    db_path = tmp_path_factory.mktemp("cli") / "library.db"
    assert main(["analyze", str(ARTICLE), "--db", str(db_path)]) == 0
    return db_path


def test_analyze_with_db_stores_the_document_and_its_analysis(analysed_library):
    document = load(ARTICLE)
    with open_library(analysed_library) as library:
        [stored] = library.documents()
        assert (stored.path, stored.sha256, stored.format) == (document.path, document.sha256, "txt")
        cached = library.cached_analysis(document.sha256, DEFAULT_MODEL, ENGINE_VERSION)
    assert cached == analyze_text(document.text, ModelChoice.from_environment())
    assert cached.entities and cached.numbers


def test_export_include_auto_lists_the_cached_highlights(analysed_library, tmp_path):
    out = tmp_path / "auto.csv"
    result = factlight("export", "--db", str(analysed_library), "--include-auto", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    document = load(ARTICLE)
    assert rows and {r["source"] for r in rows} == {"auto"}
    for row in rows:
        assert document.text[int(row["start"]) : int(row["end"])] == row["exact"]
    assert {r["category"] for r in rows} >= {"number"}


def test_export_to_stdout_and_file_give_the_same_csv(tmp_path):
    db_path = tmp_path / "library.db"
    document = load(ARTICLE)
    with open_library(db_path) as library:
        library.add_annotation(document, 0, 20, note="=1+2 a formula", tags=["x"])
        library.add_annotation(document, 30, 40, note="ünïcode “quotes”")
    to_stdout = factlight("export", "--db", str(db_path))
    assert to_stdout.returncode == 0 and to_stdout.stderr == ""
    out = tmp_path / "notes.csv"
    assert main(["export", "--db", str(db_path), "--document", str(ARTICLE), "-o", str(out)]) == 0
    raw = out.read_bytes()
    # The file starts with the byte-order mark Excel needs to read it as UTF-8; standard output does not.
    assert raw.startswith("\ufeff".encode("utf-8")) and not to_stdout.stdout.startswith("\ufeff")
    written = raw.decode("utf-8-sig")
    assert written == to_stdout.stdout.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    rows = list(csv.reader(io.StringIO(written, newline="")))
    assert rows[0] == list(HEADER)
    assert [r[11] for r in rows[1:]] == ["'=1+2 a formula", "ünïcode “quotes”"]


def test_export_jsonl_follows_the_output_suffix_and_the_environment(tmp_path):
    db_path = tmp_path / "env.db"
    document = load(ARTICLE)
    with open_library(db_path) as library:
        library.add_annotation(document, 0, 20, note="via FACTLIGHT_DB")
    out = tmp_path / "notes.jsonl"
    result = factlight("export", "-o", str(out), env={"FACTLIGHT_DB": str(db_path)})
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["note"] == "via FACTLIGHT_DB" and record["document"] == document.path


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no library"),
        ("text", "not a sqlite database"),
        ("document", "has no document"),
    ],
)
def test_export_errors_are_one_line_on_stderr_with_exit_2(tmp_path, setup, message):
    db_path = tmp_path / "library.db"
    args = ["export", "--db", str(db_path)]
    if setup == "text":
        db_path.write_text("not a database\n" * 10, encoding="utf-8")
    if setup == "document":
        with open_library(db_path):
            pass
        args += ["--document", str(tmp_path / "unknown.txt")]
    before = file_digest(db_path) if db_path.exists() else None
    result = factlight(*args)
    assert result.returncode == 2
    assert message in result.stderr.lower() and "Traceback" not in result.stderr
    assert result.stderr.startswith("factlight: ") and result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert (file_digest(db_path) if db_path.exists() else None) == before


def test_export_into_a_missing_folder_fails_cleanly(tmp_path):
    db_path = tmp_path / "library.db"
    with open_library(db_path):
        pass
    result = factlight("export", "--db", str(db_path), "-o", str(tmp_path / "no" / "such" / "out.csv"))
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_analyze_with_an_unusable_db_says_so_and_exits_2(tmp_path, capsys, nlp_pipeline):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database\n" * 10, encoding="utf-8")
    assert main(["analyze", str(ARTICLE), "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not a SQLite database" in err and "not stored" in err
    assert bad.read_text(encoding="utf-8") == "not a database\n" * 10
