"""The word lists are data files that name their source and licence, and every one of them is used."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.analysis import lexicon
from desktop.analysis.lexicon import LexiconError, header, table, words
from desktop.analysis.lexicon.people import GENDER_OF_WORD, HONORIFICS, TITLE_RUN_WORDS, TITLES

ANALYSIS = Path(lexicon.__file__).resolve().parent.parent


@pytest.mark.parametrize("filename", lexicon.data_files())
def test_every_word_list_names_its_source_and_licence(filename):
    fields = header(filename)
    assert fields.get("source"), f"{filename} has no '# source:' line"
    assert fields.get("licence"), f"{filename} has no '# licence:' line"


@pytest.mark.parametrize("filename", lexicon.data_files())
def test_every_word_list_is_read_by_the_analysis(filename):
    name = filename.rsplit(".", 1)[0]
    code = "\n".join(p.read_text(encoding="utf-8") for p in ANALYSIS.rglob("*.py"))
    assert f'"{name}"' in code, f"nothing in desktop/analysis reads {filename}"


def test_a_word_list_reads_one_entry_a_line_without_comments():
    assert "chancellor" in words("titles")
    assert not any(w.startswith("#") or not w for w in words("titles"))
    assert table("honorifics")["mrs"] == "f" and table("honorifics")["dr"] == ""


def test_a_missing_word_list_is_a_clear_error():
    with pytest.raises(LexiconError, match="no_such_list"):
        words("no_such_list")


def test_titles_and_honorifics_are_one_vocabulary():
    assert HONORIFICS <= TITLES <= TITLE_RUN_WORDS
    assert {"foreign", "defense"} <= TITLE_RUN_WORDS - TITLES
    assert GENDER_OF_WORD["actress"] == "f" and GENDER_OF_WORD["mr"] == "m" and "dr" not in GENDER_OF_WORD
