"""The command line on a hostile terminal and disk: one line on stderr and exit 2, never a traceback.

Every test runs the real `python -m desktop` in a subprocess. A full or read-only disk is a tiny or read-only
tmpfs mounted in a mount namespace of the command's own (`unshare`), so nothing of the machine's changes
and the test works as root, where permission bits do not stop a write.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands.terminal import EXIT_CLOSED_PIPE
from desktop.resources import sample_article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
FACTLIGHT = [sys.executable, "-m", "desktop"]
CURLY_QUOTE = "\u201c"  # in the sample's quotations, not in ASCII nor Latin-1


def run(args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [*FACTLIGHT, *args], stderr=subprocess.PIPE, timeout=180, env={**os.environ, **(env or {})}, **kwargs
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    lines = text.splitlines()
    assert "Traceback" not in text
    assert len(lines) == 1, text
    assert lines[0].startswith("factlight: ")
    return lines[0]


def _can_unshare() -> list[str] | None:
    """The unshare command that gives a private mount namespace here (root, or a user namespace), or None."""
    if shutil.which("unshare") is None or sys.platform != "linux":
        return None
    for command in (["unshare", "--mount"], ["unshare", "--map-root-user", "--mount"]):
        probe = subprocess.run([*command, "sh", "-c", "mount -t tmpfs -o size=64k none /mnt"], capture_output=True)
        if probe.returncode == 0:
            return command
    return None


UNSHARE = _can_unshare()
needs_unshare = pytest.mark.skipif(UNSHARE is None, reason="no private mount namespace (unshare) here")


def run_with_tmpfs(mount_point: Path, options: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """`factlight ARGS` with a tmpfs (mount options `options`) at mount_point, seen by that process only."""
    mount_point.mkdir(exist_ok=True)
    script = (
        f"mount -t tmpfs -o {shlex.quote(options)} none {shlex.quote(str(mount_point))} && "
        + shlex.join([*FACTLIGHT, *args])
    )
    return subprocess.run([*UNSHARE, "sh", "-c", script], capture_output=True, timeout=180)


# A closed pipe.
def test_a_reader_that_is_gone_ends_the_command_quietly():
    process = subprocess.Popen([*FACTLIGHT, "analyze", "--json", str(sample_article())],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the first byte: the write meets a closed pipe every time
    _out, err = process.communicate(timeout=180)
    assert err.decode() == ""
    assert process.returncode == EXIT_CLOSED_PIPE == 141


def test_head_of_a_long_output_is_quiet(tmp_path):
    err = tmp_path / "stderr.txt"
    files = " ".join(shlex.quote(str(ARTICLES / name)) for name in sorted(os.listdir(ARTICLES))[:3])
    pipeline = f"{shlex.join(FACTLIGHT)} analyze --json {files} 2>{shlex.quote(str(err))} | head -1"
    done = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=300)
    assert done.stdout == "[\n"
    # The progress lines ([1/3] …) stop when the pipe closes; no traceback, no complaint.
    assert "Traceback" not in err.read_text() and "factlight:" not in err.read_text()


# A full disk.
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["summary", "json"])
def test_stdout_on_a_full_disk_is_one_line(json_flag):
    with open("/dev/full", "wb") as full:
        done = run(["analyze", *json_flag, str(sample_article())], stdout=full)
    assert done.returncode == 2
    assert one_line(done.stderr) == "factlight: cannot write the output: No space left on device"


@needs_unshare
def test_export_onto_a_full_disk_is_one_line(tmp_path):
    db = tmp_path / "library.db"
    assert run(["analyze", "--db", str(db), str(sample_article())]).returncode == 0
    full = tmp_path / "full"
    done = run_with_tmpfs(full, "size=8k", ["export", "--db", str(db), "--include-auto", "-o", str(full / "out.csv")])
    assert done.returncode == 2
    assert "No space left on device" in one_line(done.stderr)


# Read-only and missing folders.
@needs_unshare
def test_a_db_on_a_read_only_disk_is_one_line(tmp_path):
    disk = tmp_path / "read-only"
    done = run_with_tmpfs(disk, "ro", ["analyze", "--db", str(disk / "sub" / "library.db"), str(sample_article())])
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert "Read-only file system" in line and "not stored" in line
    assert b"entities:" in done.stdout  # the analysis itself is still printed


@needs_unshare
def test_export_into_a_read_only_folder_is_one_line(tmp_path):
    db = tmp_path / "library.db"
    assert run(["analyze", "--db", str(db), str(sample_article())]).returncode == 0
    disk = tmp_path / "read-only"
    done = run_with_tmpfs(disk, "ro", ["export", "--db", str(db), "-o", str(disk / "out.csv")])
    assert done.returncode == 2
    assert "Read-only file system" in one_line(done.stderr)


def test_a_db_whose_folder_is_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    done = run(["analyze", "--db", str(blocker / "library.db"), str(sample_article())])
    assert done.returncode == 2
    assert one_line(done.stderr) == (
        f"factlight: cannot create the library {blocker / 'library.db'} ({blocker} is a file, not a folder). "
        "The analysis was not stored."
    )


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anywhere")
def test_a_db_in_a_folder_without_permission_is_one_line(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        done = run(["analyze", "--db", str(locked / "sub" / "library.db"), str(sample_article())])
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2
    assert "Permission denied" in one_line(done.stderr)


def test_missing_folders_are_one_line(tmp_path):
    missing = tmp_path / "no-such-folder"
    article = run(["analyze", str(missing / "article.txt")])
    assert article.returncode == 2 and "does not exist" in one_line(article.stderr)
    db = tmp_path / "library.db"
    assert run(["analyze", "--db", str(db), str(sample_article())]).returncode == 0
    export = run(["export", "--db", str(db), "-o", str(missing / "out.csv")])
    assert export.returncode == 2 and str(missing) in one_line(export.stderr)


def test_a_closed_stdout_is_one_line():
    done = run(["analyze", "--json", str(sample_article())], stdout=subprocess.DEVNULL, pass_fds=(),
               preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert one_line(done.stderr) == "factlight: cannot write the output: the standard output is closed"


# Terminals that cannot take the characters.
ASCII_TERMINALS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "C locale, no UTF-8 mode": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
                                "PYTHONIOENCODING": ""},
    "Latin-1": {"PYTHONIOENCODING": "latin-1"},
}


@pytest.mark.parametrize("env", ASCII_TERMINALS.values(), ids=ASCII_TERMINALS.keys())
def test_a_terminal_that_cannot_take_the_characters_gets_utf8(env):
    summary = run(["analyze", str(sample_article())], env=env)
    assert summary.returncode == 0, summary.stderr.decode()
    assert summary.stderr == b""
    assert CURLY_QUOTE in summary.stdout.decode("utf-8")  # strict: the whole output is valid UTF-8
    as_json = run(["analyze", "--json", str(sample_article())], env=env)
    assert as_json.returncode == 0 and as_json.stderr == b""
    data = json.loads(as_json.stdout.decode("utf-8"))
    assert data["document"]["text"] == sample_article().read_text(encoding="utf-8")


def test_a_latin1_terminal_keeps_the_characters_it_has(tmp_path):
    article = tmp_path / "cafe.txt"
    article.write_text("Caf\u00e9 owners \u201cwelcome\u201d the plan\n\nThe owner said the caf\u00e9 opens at 8.\n",
                       encoding="utf-8")
    done = run(["analyze", str(article)], env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0 and done.stderr == b""
    # The title line: the e-acute is Latin-1 for the terminal, only the curly quotes it lacks are UTF-8.
    assert done.stdout.startswith(b"Caf\xe9 owners \xe2\x80\x9cwelcome\xe2\x80\x9d the plan  (txt")


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_a_file_name_that_is_not_utf8_comes_back_as_its_bytes(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(sample_article().read_bytes())
    done = subprocess.run([*FACTLIGHT, "analyze", "--json", name], capture_output=True, timeout=180)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8 JSON, the byte as a \udce9 escape
    assert os.fsencode(data["document"]["path"]) == name
