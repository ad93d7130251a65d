"""The layers stay apart: the core never imports Qt, and the window can start without spaCy.

Each check runs in a fresh interpreter, since this test process may already have imported Qt or spaCy.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop

CORE_PACKAGES = ("desktop.documents", "desktop.analysis", "desktop.store", "desktop.commands")
CORE_MODULES = ("desktop.config", "desktop.cli", "desktop.system_libraries")


def core_modules() -> list[str]:
    """Every module of the Qt-free layers, sub-packages included, found on disk so new modules are checked too."""
    names = list(CORE_MODULES)
    root = Path(desktop.__file__).parent
    for package in CORE_PACKAGES:
        names.append(package)
        folder = root / package.split(".")[-1]
        names += [m.name for m in pkgutil.walk_packages([str(folder)], prefix=f"{package}.")]
    return names


def modules_after(code: str) -> set[str]:
    """The top-level packages in sys.modules after running `code` in a fresh interpreter."""
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_core_modules_are_all_found():
    names = core_modules()
    assert {"desktop.documents.loader", "desktop.documents.html", "desktop.analysis.engine", "desktop.cli"} <= set(names)
    assert not any(name.startswith("desktop.ui") for name in names)


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_no_qt(module):
    loaded = modules_after(f"import {module}")
    assert "PySide6" not in loaded and "shiboken6" not in loaded, f"{module} imports Qt"


@pytest.mark.parametrize("module", ["desktop.documents", "desktop.cli"])
def test_the_window_side_imports_no_spacy(module):
    assert "spacy" not in modules_after(f"import {module}")


def test_opening_a_web_page_imports_neither_qt_nor_spacy(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article>"
        + "<p>The council said on Monday that the new bridge would open to traffic next spring.</p>" * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    loaded = modules_after(f"from desktop.documents import load\nload({str(page)!r})")
    assert "trafilatura" in loaded
    assert not {"spacy", "PySide6"} & loaded
