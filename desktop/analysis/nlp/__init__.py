"""The spaCy side of the analysis: loading a pipeline by name and parsing a text in paragraphs.

- loading.py: `load_pipeline(name)`, once per process; `ModelError` when it is not installed.
- parsing.py: `parse(text, nlp, progress, cancelled)` -> `ParsedText` (paragraph Docs with offsets
  into the whole text); `AnalysisCancelled` when asked to stop.
- parallel.py: long texts shared with forked helper processes (same Docs).
- fast_ops.py, fast_rules.py: numpy's matrix product and a look-up attribute matcher, same annotations.
- syntax.py: reading the parse (`governing_verb`), shared by quotes and facts.
Importing this package does not import spaCy.
"""

from __future__ import annotations

from desktop.analysis.nlp.loading import ModelError, load_pipeline, model_package, model_version
from desktop.analysis.nlp.parsing import (
    PIPE_BATCH,
    AnalysisCancelled,
    Cancelled,
    Paragraph,
    ParsedText,
    Progress,
    SentenceSpan,
    ignore_progress,
    never_cancelled,
    parse,
    parse_processes,
    split_paragraphs,
)

__all__ = [
    "PIPE_BATCH",
    "AnalysisCancelled",
    "Cancelled",
    "ModelError",
    "Paragraph",
    "ParsedText",
    "Progress",
    "SentenceSpan",
    "ignore_progress",
    "load_pipeline",
    "model_package",
    "model_version",
    "never_cancelled",
    "parse",
    "parse_processes",
    "split_paragraphs",
]
