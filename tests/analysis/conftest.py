"""Fixtures for the analysis tests: the real pipeline, loaded once, and a helper that analyses a text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.analysis.engine import analyze_text
from desktop.analysis.nlp import load_pipeline
from desktop.analysis.records import Analysis
from desktop.config import DEFAULT_MODEL, ModelChoice

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline (load_pipeline caches it for the whole session)."""
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def analyze(nlp) -> Callable[[str], Analysis]:
    """analyze(text) -> the Analysis of text with the default model (cached per text for the session)."""
    choice = ModelChoice(name=DEFAULT_MODEL)
    cache: dict[str, Analysis] = {}

    def run(text: str) -> Analysis:
        if text not in cache:
            cache[text] = analyze_text(text, choice)
        return cache[text]

    return run


@pytest.fixture(scope="session")
def article() -> Callable[[str], str]:
    """article("rferl-johnson-putin") -> the fixture article's text."""

    def read(name: str) -> str:
        return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")

    return read
