"""The word lists the analysis reads, as plain data files beside this module, and their loader.

Each file names its source and licence in `#` header lines, then holds one entry a line: a `.txt`
file a word or phrase, a `.tsv` file a key and a value separated by a tab. `words(name)` and
`table(name)` read a file once per process. people.py derives the shared vocabularies of titles,
honorifics and gendered words from these files, so every extractor uses the same ones.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


class LexiconError(Exception):
    """A word list is missing or malformed: a packaging fault, not the reader's."""


def _lines(filename: str) -> list[str]:
    try:
        text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise LexiconError(f"the word list {filename} is missing from desktop/analysis/lexicon") from exc
    return [line for line in (raw.rstrip("\n\r") for raw in text.split("\n")) if line.strip() and not line.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `name`.txt, as written (the files keep the case they are compared in)."""
    return frozenset(line.strip() for line in _lines(f"{name}.txt"))


@cache
def table(name: str) -> dict[str, str]:
    """The key -> value pairs of `name`.tsv; a value of "-" reads as the empty string."""
    pairs: dict[str, str] = {}
    for line in _lines(f"{name}.tsv"):
        key, sep, value = line.partition("\t")
        if not sep:
            raise LexiconError(f"{name}.tsv: a line without a tab: {line!r}")
        value = value.strip()
        pairs[key.strip()] = "" if value == "-" else value
    return pairs


def header(filename: str) -> dict[str, str]:
    """The `# source:` and `# licence:` lines of a file, for the tests that keep every list attributed."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        if line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            if key.strip() in ("source", "licence"):
                fields[key.strip()] = value.strip()
    return fields


def data_files() -> list[str]:
    """Every word list in the package."""
    return sorted(p.name for p in resources.files(__name__).iterdir() if p.name.endswith((".txt", ".tsv", ".json")))
