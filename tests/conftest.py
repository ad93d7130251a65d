"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_pipeline():
    from desktop.analysis.nlp import load_pipeline
    from desktop.config import DEFAULT_MODEL

    return load_pipeline(DEFAULT_MODEL, fast_gemm=True)
