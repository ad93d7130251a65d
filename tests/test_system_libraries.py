"""The X11 library check before Qt starts: the plugin's ELF entries, the loader's answer, the one line.

A missing library is simulated for real: a folder on LD_LIBRARY_PATH holds a file named libxcb-cursor.so.0
that is not a library, so the dynamic loader stops there (it does not look further once a name is found),
for Factlight's check and for Qt alike. The tests pass whether or not this machine has libxcb-cursor0,
and on a machine that lacks other X11 libraries as well (the line then names those too).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.system_libraries import (
    Packages,
    missing_libraries,
    missing_message,
    qt_will_use_x11,
    read_dynamic,
    read_packages_table,
    x11_problem,
    xcb_plugin,
)

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 plugin is Linux only")
CURSOR = "libxcb-cursor.so.0"


@pytest.fixture
def plugin() -> Path:
    found = xcb_plugin()
    assert found is not None and found.name == "libqxcb.so"
    return found


def hidden_env(tmp_path: Path, *names: str, **extra: str) -> dict[str, str]:
    """An X11 session in which `names` cannot be loaded; no X server is needed, the check comes first."""
    folder = tmp_path / "hidden-libraries"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"not a shared library\n")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(DISPLAY=":97", LD_LIBRARY_PATH=os.pathsep.join([str(folder), env.get("LD_LIBRARY_PATH", "")]).rstrip(":"))
    env.update(extra)
    return env


def test_the_plugin_entries_are_read_from_its_elf_file(plugin):
    dynamic = read_dynamic(plugin)
    assert CURSOR in dynamic.needed and "libQt6XcbQpa.so.6" in dynamic.needed and "libxcb.so.1" in dynamic.needed
    assert dynamic.search_path == ("$ORIGIN/../../lib",)
    readelf = shutil.which("readelf")
    if readelf:  # the same list binutils reads
        listing = subprocess.run([readelf, "-d", str(plugin)], capture_output=True, text=True).stdout
        assert list(dynamic.needed) == re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", listing)


def test_a_library_the_loader_cannot_find_is_named(plugin):
    asked: list[str] = []

    def loader(name: str) -> bool:
        asked.append(name)
        return name not in (CURSOR, "libxkbcommon.so.0")

    assert sorted(missing_libraries(plugin, loader)) == [CURSOR, "libxkbcommon.so.0"]
    # The walk goes through the Qt libraries the wheel ships ($ORIGIN/../../lib) and asks only for the system's.
    assert "libQt6XcbQpa.so.6" not in asked and "libQt6Gui.so.6" not in asked
    assert "libfontconfig.so.1" in asked  # needed by libQt6Gui, not by the plugin itself
    assert len(asked) == len(set(asked))


def test_every_library_the_check_can_name_has_its_packages(plugin):
    asked: list[str] = []
    missing_libraries(plugin, lambda name: asked.append(name) or True)
    table = read_packages_table()
    assert set(asked) - set(table) == set(), "add these to resources/system-libraries.tsv"
    assert table[CURSOR] == Packages("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor")


def test_the_message_is_one_line_with_the_packages_of_three_systems():
    line = missing_message([CURSOR, "libxcb-icccm.so.4"])
    assert "\n" not in line and line.startswith("factlight: ")
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, which are not installed" in line
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 (Debian, Ubuntu)" in line
    assert "sudo dnf install xcb-util-cursor xcb-util-wm (Fedora)" in line
    assert "sudo pacman -S xcb-util-cursor xcb-util-wm (Arch)" in line
    assert missing_message(["libunknown.so.3"]).endswith("needs libunknown.so.3, which is not installed")


@pytest.mark.parametrize(
    ("environ", "x11"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, True),
        ({}, False),
    ],
)
def test_only_an_x11_start_is_checked(environ, x11):
    assert qt_will_use_x11(environ) is x11


def test_under_wayland_or_offscreen_nothing_is_checked(plugin):
    def refuse(_name: str) -> bool:
        raise AssertionError("the loader was asked")

    assert x11_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, refuse) is None
    assert x11_problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, refuse) is None
    assert CURSOR in x11_problem({"DISPLAY": ":0"}, lambda name: name != CURSOR)


def missing_in(env: dict[str, str]) -> list[str]:
    """What the real loader cannot load in that environment, in the check's order."""
    probe = "import json; from desktop.system_libraries import missing_libraries, xcb_plugin; " \
            "print(json.dumps(missing_libraries(xcb_plugin())))"
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def hidden_missing(tmp_path: Path) -> list[str]:
    """With libxcb-cursor hidden: what is missing then, which is what this machine already lacks, and it."""
    already = missing_in(hidden_env(tmp_path))  # a machine may lack other X11 libraries too (icccm, keysyms)
    missing = missing_in(hidden_env(tmp_path, CURSOR))
    assert CURSOR not in already and set(missing) == {*already, CURSOR}
    return missing


def test_the_real_loader_sees_a_hidden_library(tmp_path, hidden_missing):
    probe = "from desktop.system_libraries import x11_problem; print(x11_problem() or 'nothing missing')"
    done = subprocess.run([sys.executable, "-c", probe], env=hidden_env(tmp_path, CURSOR),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == missing_message(hidden_missing)
    assert CURSOR in done.stdout.split("needs ", 1)[1].split(", which", 1)[0]


def test_factlight_prints_one_line_and_exits_1_where_qt_would_abort(tmp_path, hidden_missing):
    env = hidden_env(tmp_path, CURSOR)
    # Qt itself, in the same session, aborts: the simulation is the failure readers meet.
    qt = subprocess.run([sys.executable, "-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"],
                        env=env, capture_output=True, text=True, timeout=120)
    assert qt.returncode == -6 and "xcb" in qt.stderr
    done = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0] == missing_message(hidden_missing)
    assert re.search(r"sudo apt install [^(]*\blibxcb-cursor0\b[^(]*\(Debian, Ubuntu\)", lines[0]), lines[0]


def test_make_run_checks_first(tmp_path, hidden_missing):
    if shutil.which("make") is None or not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("needs make and the checkout's .venv")
    done = subprocess.run(["make", "-s", "--no-print-directory", "-C", str(ROOT), "run"],
                          env=hidden_env(tmp_path, CURSOR), capture_output=True, text=True, timeout=600)
    assert done.returncode != 0
    assert missing_message(hidden_missing) in done.stderr.splitlines()
    assert "Aborted" not in done.stderr and "qt.qpa" not in done.stderr
