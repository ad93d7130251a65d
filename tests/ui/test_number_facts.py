"""How numbers read in the Facts panel and the Details panel: vague amounts, money, rates."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.analysis.records import Number
from desktop.ui.descriptions import number_summary


def _numbers_group(window) -> list[str]:
    proxy = window.facts_panel.proxy
    for r in range(proxy.rowCount()):
        group = proxy.index(r, 0)
        if group.data().startswith("Numbers"):
            return [proxy.index(c, 0, group).data() for c in range(proxy.rowCount(group))]
    return []


def test_a_vague_amount_reads_as_written_in_the_facts_panel(analysed_window):
    labels = _numbers_group(analysed_window)
    assert any(label.startswith("thousands of troops") for label in labels), labels
    assert not any("about thousands" in label for label in labels)


def test_number_lines():
    def line(text, value, unit, bound="exact", kind="count", currency=None, low=None, high=None):
        return number_summary(Number(0, len(text), text, value, unit, bound, kind, currency, low, high))

    assert line("tens of thousands", None, "galaxies", "about") == "tens of thousands of galaxies"
    assert line("Dozens", None, None, "about") == "Dozens"
    assert line("about 3,000", 3000.0, "combat troops", "about") == "about 3,000 combat troops"
    assert line("$5bn", 5e9, "USD", kind="money", currency="USD") == "5,000,000,000 USD"
    assert line("$2.11", 2.11, "$ per gallon", "about", "money", "USD") == "about 2.11 USD per gallon"
    assert line("84.75 cents", 84.75, "cents", kind="money", currency="USD") == "84.75 cents (USD)"
    assert line("3 to 5", None, "days", kind="range", low=3.0, high=5.0) == "3–5 days"
    assert line("3%", 3.0, "% a year", kind="percent") == "3 % a year"
    # a share written in words or as a fraction reads as a fraction; decimals stay decimals
    assert line("A third", 1 / 3, "respondents") == "1/3 of respondents"
    assert line("Nearly one in 10", 0.1, "adults", "about") == "about 1/10 of adults"
    assert line("1/4", 0.25, "cup", kind="quantity") == "1/4 cup"
    assert line("0.25", 0.25, "points", kind="count") == "0.25 points"
    assert line("0.4%", 0.4, "%", kind="percent") == "0.4 %"


def test_the_details_of_a_vague_amount_say_it_in_words(qtbot, analysed_window):
    window = analysed_window
    index = next(i for i, n in enumerate(window.analysis.numbers) if n.text == "thousands")
    number = window.analysis.numbers[index]
    window.view.reveal(number.start, number.end)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.span_rect_center(number.start, number.end))
    shown = window.details_panel.plain_text()
    assert "thousands of troops" in shown and "—" not in shown.split("Unit")[0]

