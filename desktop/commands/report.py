"""The analysis JSON that `factlight analyze --json` prints (shared/analysis-json.md) and the short summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop.analysis.records import Analysis
from desktop.documents import Document


def analysis_json(document: Document, analysis: Analysis) -> dict[str, Any]:
    data = analysis.to_dict()
    data["model"] = {"name": analysis.model_name, "version": analysis.model_version}
    data["engine"] = {"version": analysis.engine_version}
    return {
        "document": {
            "path": document.path,
            "format": document.format,
            "title": document.title,
            "sha256": document.sha256,
            "text": document.text,
            **({"metadata": document.metadata} if document.metadata else {}),
        },
        **data,
    }


def summary(document: Document, analysis: Analysis) -> str:
    """A few lines a person can read at the terminal."""
    kinds = Counter(e.kind for e in analysis.entities)
    lines = [
        f"{document.display_name}  ({document.format}, {len(document.text):,} characters)",
        "  entities: " + (", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none"),
        f"  quotes:   {len(analysis.quotes)}",
        f"  numbers:  {len(analysis.numbers)}",
        f"  facts:    {len(analysis.facts)}",
    ]
    for quote in analysis.quotes[:5]:
        who = (quote.speaker.canonical or quote.speaker.text) if quote.speaker else "unknown"
        lines.append(f"    {who}: {_clip(quote.text)}")
    for number in analysis.numbers[:5]:
        lines.append(f"    {number.text} ({number.unit or '-'}, {number.bound})")
    return "\n".join(lines)


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
