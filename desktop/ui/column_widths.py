"""Widths of the side panels' list columns, from the font rather than from the rows.

A column that sizes itself to its contents makes Qt read every row of the (Python) model, for every
role, each time a row comes or goes or the list is laid out: 100,000 calls per highlight with a few
hundred notes. So a panel gives each such column a sample text as wide as a typical cell.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTreeView

CELL_PADDING = 16  # the item's margins and the focus frame


def fit_columns(tree: QTreeView, samples: dict[int, str]) -> None:
    """Make each column of `samples` as wide as its sample text in the tree's font."""
    metrics, header = tree.fontMetrics(), tree.header()
    for column, sample in samples.items():
        header.resizeSection(column, metrics.horizontalAdvance(sample) + CELL_PADDING)
