"""PyInstaller hook for thinc, replacing the contrib one: every submodule (thinc's registry) but its tests."""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda name: "tests" not in name.split("."))
datas = collect_data_files("thinc", excludes=["tests/**", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.h", "**/*.cpp"])
excludedimports = ["thinc.tests"]
