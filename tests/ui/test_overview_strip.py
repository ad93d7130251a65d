"""The overview strip beside the scroll bar: the analysis's marks and the reader's own, as painted."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.ui.highlights import Highlight, HighlightIndex
from desktop.ui.overview_strip import BINS, OverviewStrip
from desktop.ui.palette import user_colour

LENGTH = 12_000


def painted(strip: OverviewStrip):
    return strip.grab().toImage()


def test_a_readers_highlight_is_drawn_without_redrawing_the_analysis_marks(qtbot):
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(12, BINS // 2)
    strip.show()
    strip.set_bins({"person": set(range(0, BINS, 3))}, LENGTH)
    before = painted(strip)
    drawn = strip._marks
    assert drawn is not None  # the analysis's marks, drawn once for this size

    mine = HighlightIndex.of([Highlight("question", 6_000, 6_050, "annotation", 1)])
    strip.set_user_marks(mine, LENGTH)
    after = painted(strip)
    assert strip._marks is drawn  # a new highlight of the reader's does not redraw them
    y = round(6_000 * strip.height() / LENGTH)
    right_lane = QColor(after.pixel(strip.width() - 2, y))
    assert right_lane != QColor(before.pixel(strip.width() - 2, y))
    expected = QColor(user_colour("question", False)).darker(130)
    assert abs(right_lane.hue() - expected.hue()) <= 10
    assert strip.user_marks() == set(range(6_000 * BINS // LENGTH, 6_049 * BINS // LENGTH + 1))

    strip.set_user_marks(HighlightIndex.of([]), LENGTH)  # the highlight undone: its mark goes
    assert QColor(painted(strip).pixel(strip.width() - 2, y)) == QColor(before.pixel(strip.width() - 2, y))
