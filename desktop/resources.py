"""Finds the files under resources/ from a source checkout, an installed wheel, or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder that holds the sample article, icons and other bundled files."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    package_dir = Path(__file__).resolve().parent
    source = package_dir.parent / "resources"
    if source.is_dir():
        return source
    # An installed wheel carries resources/ as the data package desktop/_resources.
    return package_dir / "_resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def sample_article() -> Path:
    return resource_path("sample", "rferl-johnson-putin.txt")
