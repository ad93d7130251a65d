"""Store fixtures: a real library file in tmp_path and a real article as the annotated document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.documents.model import Document
from desktop.store.library import open_library

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def article(name: str = "rferl-johnson-putin") -> Document:
    path = ARTICLES / f"{name}.txt"
    return Document.from_text(path.read_text(encoding="utf-8"), format="txt", path=path.resolve())


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path: Path):
    with open_library(db_path) as lib:
        yield lib


@pytest.fixture
def document() -> Document:
    return article()
