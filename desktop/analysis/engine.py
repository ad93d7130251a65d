"""Runs the whole analysis of one document: parse in paragraphs, then the extractors over the parse.

Where a long text is parsed by two processes, the numbers (which read only the parse) are read by a
forked helper while this process finds the entities, references and quotes (nlp/parallel.py).
"""

from __future__ import annotations

from contextlib import ExitStack

from desktop.analysis.entities import extract_entities
from desktop.analysis.facts import build_facts
from desktop.analysis.nlp import (
    Cancelled,
    Progress,
    ignore_progress,
    load_pipeline,
    model_version,
    never_cancelled,
    parse,
    parse_processes,
)
from desktop.analysis.numbers import extract_numbers
from desktop.analysis.quotes import extract_quotes, find_quote_spans
from desktop.analysis.records import Analysis
from desktop.analysis.references import build_references
from desktop.analysis.version import ENGINE_VERSION
from desktop.config import ModelChoice

# Share of the progress bar given to spaCy; the extractors take the rest.
_PARSE_SHARE = 0.95


def analyze_text(
    text: str,
    model: ModelChoice | None = None,
    progress: Progress = ignore_progress,
    cancelled: Cancelled = never_cancelled,
) -> Analysis:
    model = model or ModelChoice.from_environment()
    nlp = load_pipeline(model.name, model.fast_gemm)
    parsed = parse(text, nlp, lambda f: progress(f * _PARSE_SHARE), cancelled)
    with ExitStack() as helpers:
        side = None
        if parse_processes(len(text)) > 1:
            from desktop.analysis.nlp.parallel import ForkedCall

            # extract_numbers reads the parse alone (not the entities), so it can start now
            side = helpers.enter_context(ForkedCall(extract_numbers, parsed, []))
        entities = extract_entities(parsed)
        # One resolver of pronouns and aliases for the document, shared by quotes and facts.
        references = build_references(parsed, entities, find_quote_spans(parsed.text))
        quotes = extract_quotes(parsed, entities, references)
        numbers = side.result() if side is not None else extract_numbers(parsed, entities)
    facts = build_facts(parsed, entities, quotes, numbers, references)
    progress(1.0)
    return Analysis(
        model_name=model.name,
        model_version=model_version(nlp),
        entities=tuple(entities),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        facts=tuple(facts),
        engine_version=ENGINE_VERSION,
    )
