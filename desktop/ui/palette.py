"""The one colour palette for highlight categories: Okabe–Ito hues, with light and dark variants.

Okabe–Ito is distinguishable under the common colour-vision deficiencies; every category also has a
distinct mark (quote = tinted background, names and numbers = underline and chip) so colour is never
the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

# Display order of the legend, the View menu and the overview strip.
CATEGORIES = ("person", "organization", "place", "other", "date", "quote", "number")

LABELS = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "other": "Other names",
    "date": "Dates",
    "quote": "Quotes",
    "number": "Numbers",
}

SINGULAR = {
    "person": "Person",
    "organization": "Organisation",
    "place": "Place",
    "other": "Name",
    "date": "Date",
    "quote": "Quote",
    "number": "Number",
}


@dataclass(frozen=True)
class CategoryColours:
    ink: str  # underline, legend swatch, overview strip mark
    tint: str  # background of the highlighted text
    selected: str  # background of the highlight the reader has selected


# Okabe–Ito: blue, vermillion, bluish green, reddish purple, sky blue, yellow, orange.
_LIGHT = {
    "person": CategoryColours("#0072B2", "#DCEBF5", "#A9CCE6"),
    "organization": CategoryColours("#D55E00", "#F8E2D2", "#EFBD98"),
    "place": CategoryColours("#009E73", "#D5EFE6", "#9DD8C4"),
    "other": CategoryColours("#CC79A7", "#F5E4EE", "#E6BCD4"),
    "date": CategoryColours("#3A9AD9", "#E0F0FA", "#B5DCF4"),
    "quote": CategoryColours("#C9B400", "#FBF6CF", "#F3E98A"),
    "number": CategoryColours("#E69F00", "#FCEBC7", "#F6D184"),
}

# On a dark page the inks are lightened and the tints are deep, low-saturation versions of the hue.
_DARK = {
    "person": CategoryColours("#56A8E0", "#1D3445", "#2C5574"),
    "organization": CategoryColours("#F08A45", "#452A1B", "#70401F"),
    "place": CategoryColours("#3CC79D", "#173B31", "#1F5E4D"),
    "other": CategoryColours("#E3A1C6", "#432A38", "#6A3E58"),
    "date": CategoryColours("#7CC8F2", "#1C3643", "#2A5770"),
    "quote": CategoryColours("#F0E442", "#3A3718", "#5C5722"),
    "number": CategoryColours("#F5B93A", "#45351A", "#6E5220"),
}

# The reading page itself: warm paper in light mode, soft charcoal in dark mode.
PAGE_LIGHT = ("#FBFAF7", "#1E1E1E")  # background, text
PAGE_DARK = ("#1F2022", "#E4E2DD")
FLASH_LIGHT = "#FFD86B"
FLASH_DARK = "#8A6D12"


def colours(category: str, dark: bool) -> CategoryColours:
    return (_DARK if dark else _LIGHT)[category]


def page_colours(dark: bool) -> tuple[str, str]:
    return PAGE_DARK if dark else PAGE_LIGHT


def flash_colour(dark: bool) -> str:
    return FLASH_DARK if dark else FLASH_LIGHT


# The reader's own highlights: Paul Tol's "light" scheme, made for backgrounds behind black text and
# distinguishable under the common colour-vision deficiencies. They are painted as a solid marker
# background (the automatic highlights are pale tints and underlines), and every one is also listed,
# with its category name, in the Notes panel, so colour is never the only cue.
USER_CATEGORIES = ("highlight", "important", "question", "check")

USER_LABELS = {
    "highlight": "Yellow · Highlight",
    "important": "Pink · Important",
    "question": "Blue · Question",
    "check": "Green · To check",
}

_USER_LIGHT = {
    "highlight": "#EEDD88",
    "important": "#FFAABB",
    "question": "#99DDFF",
    "check": "#BBCC33",
}
# On the dark page, deep versions of the same hues keep the light text readable.
_USER_DARK = {
    "highlight": "#6B5E1E",
    "important": "#7A3546",
    "question": "#235A73",
    "check": "#4E5A12",
}


def user_colour(category: str, dark: bool, stored: str | None = None) -> str:
    """The marker colour of a user highlight; a category this version does not know keeps its stored colour."""
    table = _USER_DARK if dark else _USER_LIGHT
    if category in table:
        return table[category]
    return stored or table["highlight"]
