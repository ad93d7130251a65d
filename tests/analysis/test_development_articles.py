"""The score bars on the four development articles in tests/fixtures/development/.

Their gold was made by hand before the analyzer was run on them, but the rules were later tuned on their
misses, so they are development data: these tests keep changes from making them worse, and say nothing
about unseen news (that is measured on ../shared/devsets and on held-out sets). Each article is scored
with tests/fixtures/score.py (the shared scorer) and the bars are asserted on the mean over the set. A
metric below its bar is marked xfail with the measured figure: the suite stays green, the gap visible.
"""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
DEVELOPMENT = FIXTURES / "development"
ARTICLE_NAMES = sorted(p.name.removesuffix(".txt") for p in DEVELOPMENT.glob("*.txt"))

# The bars (issue 3, "Must hold"), which must also hold on unseen articles.
BARS = {"quote-f1": 0.95, "speaker": 0.94, "number-f1": 0.90, "entity-f1": 0.88, "alias": 0.83}

# Metrics still below their bar, with the measured figure (none since 2026-11-26: entity F1 0.82 -> 0.93).
BELOW_BAR: dict[str, str] = {}


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("development_score", FIXTURES / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_article(scorer: ModuleType, analysis: dict, gold: dict) -> tuple[dict[str, float], str]:
    """The five figures score.py prints for one article, and its report of misses."""
    with redirect_stdout(io.StringIO()) as report:
        quote_p, quote_r, speaker = scorer.score_quotes(analysis, gold)
        number_p, number_r = scorer.score_numbers(analysis, gold)
        entity_p, entity_r, alias = scorer.score_entities(analysis, gold)
    figures = {
        "quote-f1": scorer.f1(quote_p, quote_r),
        "speaker": speaker,
        "number-f1": scorer.f1(number_p, number_r),
        "entity-f1": scorer.f1(entity_p, entity_r),
        "alias": alias,
    }
    return figures, report.getvalue()


@pytest.fixture(scope="module")
def development_scores(analyze) -> dict[str, tuple[dict[str, float], str]]:
    scorer = _load_scorer()
    scores = {}
    for name in ARTICLE_NAMES:
        text = (DEVELOPMENT / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((DEVELOPMENT / f"{name}.gold.json").read_text(encoding="utf-8"))
        scores[name] = score_article(scorer, analyze(text).to_dict(), gold)
    return scores


def test_the_development_set_is_complete():
    assert len(ARTICLE_NAMES) == 4
    for name in ARTICLE_NAMES:
        text = (DEVELOPMENT / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads((DEVELOPMENT / f"{name}.gold.json").read_text(encoding="utf-8"))
        for item in gold["quotes"] + gold["numbers"]:
            start, end = item["span"]
            assert text[start:end] == item["text"], (name, item)


def _metric_param(metric: str):
    marks = [pytest.mark.xfail(strict=False, reason=BELOW_BAR[metric])] if metric in BELOW_BAR else []
    return pytest.param(metric, marks=marks, id=metric)


@pytest.mark.parametrize("metric", [_metric_param(m) for m in BARS])
def test_the_development_mean_reaches_the_bar(development_scores, metric):
    per_article = {name: figures[metric] for name, (figures, _) in development_scores.items()}
    mean = sum(per_article.values()) / len(per_article)
    detail = "\n".join(
        f"{name}: {value:.3f}\n{development_scores[name][1]}" for name, value in per_article.items()
    )
    assert mean >= BARS[metric], f"mean {metric} {mean:.3f} < {BARS[metric]}\n{detail}"
