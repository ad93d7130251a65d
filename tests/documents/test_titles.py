"""A plain text's title: its first non-blank line, when short enough to be a headline."""

from __future__ import annotations

import pytest

from desktop.documents.model import first_line_title


def by_splitting(text: str, limit: int = 200) -> str | None:
    """The obvious way, line by line: what first_line_title must give without splitting the whole text."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else None
    return None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Storm hits the coast\nBody text.", "Storm hits the coast"),
        ("\n\n  \t\n  Council votes  \r\nBody.", "Council votes"),
        ("\r\n\u00a0\u2003\nNo-break spaces above\n", "No-break spaces above"),
        ("Only one line", "Only one line"),
        ("   \n\t\n", None),
        ("", None),
        ("x" * 201 + "\nA second line", None),  # a first line that long is a paragraph, not a headline
        ("\n" + "y" * 200, "y" * 200),
    ],
)
def test_the_first_non_blank_line_is_the_title(text, title):
    assert first_line_title(text) == title
    assert by_splitting(text) == title


def test_it_agrees_with_splitting_on_every_kind_of_blank():
    blanks = [" ", "\t", "\r", "\x0b", "\x0c", "\u00a0", "\u2028", "\u3000", "\x1c"]
    for blank in blanks:
        for text in (f"{blank}\n{blank}Title{blank}\nrest", f"{blank}{blank}\nT\n", f"\n{blank}"):
            assert first_line_title(text) == by_splitting(text), repr(text)
