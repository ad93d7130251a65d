"""Search over the whole library (FTS5): words, phrases, prefixes, filters, grouping, marks, positions.

The library is the six fixture articles imported with the real pipeline, once for the module; tests
that write work on a copy of it.
"""

from __future__ import annotations

import contextlib
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store.importing import import_files
from desktop.store.library import open_library
from desktop.store.search_query import QueryError, parse_query

from .conftest import ARTICLES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    for source in ARTICLES.glob("*.txt"):
        shutil.copy(source, folder / source.name)
    db_path = folder / "library.db"
    summary = import_files(db_path, [folder], processes=1)
    assert len(summary.imported) == 6
    return db_path


@pytest.fixture
def library(built, tmp_path):
    copy = tmp_path / "library.db"
    shutil.copy(built, copy)
    with open_library(copy) as lib:
        yield lib


def titles(results) -> set[str]:
    return {r.source for r in results.results}


def test_words_must_all_be_there_and_hits_open_at_the_word(library):
    found = library.search("troops Poland")
    assert titles(found) == {"rferl-johnson-putin.txt"}
    [result] = found.results
    for hit in result.hits:
        _sha, text = library.document_text(result.document_id)
        assert text[hit.start : hit.end].lower() in ("troops", "poland")
        marked = {hit.snippet[a:b].lower() for a, b in hit.marks}
        assert marked <= {"troops", "poland"} and marked


def test_phrases_prefixes_exclusions_and_or(library):
    assert titles(library.search('"combat troops"')) == {"rferl-johnson-putin.txt"}
    assert titles(library.search('"troops combat"')) == set()
    prefix = library.search("negotia*")
    assert prefix.articles >= 1
    assert all(any(h.snippet[a:b].lower().startswith("negotia") for a, b in h.marks) for r in prefix.results for h in r.hits if h.marks)
    moon = titles(library.search("moon"))
    assert "aljazeera-nasa-moon-landers.txt" in moon
    assert "aljazeera-nasa-moon-landers.txt" not in titles(library.search("moon -NASA -lunar -Artemis -landers -astronauts -space"))
    either = titles(library.search("Disney OR Sabres"))
    assert either == {"latimes-disney-plus-mayer.txt", "twincities-wild-sabres.txt"}


def test_a_speaker_filter_keeps_that_speakers_quotes_only(library):
    found = library.search("speaker:Kirby")
    hits = [h for r in found.results for h in r.hits]
    assert hits and {h.kind for h in hits} == {"quote"}
    assert {h.speaker for h in hits} == {"John Kirby"}
    with_word = library.search("speaker:Kirby ready")
    assert [h.kind for r in with_word.results for h in r.hits] == ["quote"]


def test_in_says_where_to_look_and_notes_are_found_the_moment_they_are_made(library):
    document = library.load_document(library.catalogue()[0].id)
    assert library.search("zeppelin").articles == 0
    note = library.add_annotation(document, 0, 12, note="Ask about the zeppelin story", tags=["follow up", "Verify"])
    found = library.search("zeppelin")
    [result] = found.results
    assert [(h.kind, h.start, h.end) for h in result.hits] == [("note", 0, 12)]
    assert library.search("zeppelin in:text").articles == 0
    assert library.search("zeppelin in:notes").articles == 1
    assert library.search("tag:verify").results[0].hits[0].kind == "note"
    assert library.search("tag:follow").articles == 0  # a tag matches whole
    assert library.search('tag:"follow up" zeppelin').articles == 1
    library.update_note(note.id, "Ask about the airship")
    assert library.search("zeppelin").articles == 0 and library.search("airship").articles == 1
    library.delete_annotation(note.id)
    assert library.search("airship").articles == 0


def test_removed_articles_are_not_found_until_restored(library):
    [result] = library.search('"combat troops"').results
    library.remove_documents([result.document_id])
    assert library.search('"combat troops"').articles == 0
    library.restore_documents([result.document_id])
    assert library.search('"combat troops"').articles == 1


def test_results_are_grouped_by_article_best_first(library):
    found = library.search("said")
    assert found.articles == len(found.results) == len({r.document_id for r in found.results})
    assert all(1 <= len(r.hits) <= 3 and r.total_hits >= len(r.hits) for r in found.results)
    assert all(r.hits == tuple(sorted(r.hits, key=lambda h: h.start)) for r in found.results)


@pytest.mark.parametrize(
    "query, message",
    [("", "Type a word"), ('"" *** ::', "Type a word"), ("-moon", "not only what to leave out"),
     ("in:pictures moon", "in:pictures is not a place"), ("speaker:", "Give a value")],
)  # fmt: skip
def test_what_cannot_be_searched_says_why(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_fts_syntax_in_a_query_is_only_words(library):
    # FTS5 would read these as operators, columns or errors; here they are words like any other.
    assert titles(library.search("moon AND")) == titles(library.search("moon and"))
    assert titles(library.search("NEAR(moon)")) == titles(library.search('"near moon"'))
    assert library.search('"unclosed').articles == 0
    assert library.search("^moon col:moon {moon}").articles == 0
    assert titles(library.search("moon)")) == titles(library.search("moon"))
    for query in ("( )", "OR", "*", '""'):
        with pytest.raises(QueryError):
            library.search(query)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(list('ab "*-:()^+.,OR\\NEAR{}') + ["speaker:", "tag:", "in:", "in:quotes", "moon", " OR "]),
        max_size=14,
    ).map("".join)
)
def test_no_query_a_reader_can_type_raises_anything_but_a_query_error(built, query):
    with open_library(built, read_only=True, check=False) as library, contextlib.suppress(QueryError):
        library.search(query)


def test_the_search_command_prints_articles_with_marked_words_and_json(built):
    import json
    import subprocess
    import sys
    from pathlib import Path

    run = [sys.executable, "-m", "desktop", "search", "--db", str(built)]
    root = Path(__file__).parents[2]
    plain = subprocess.run([*run, "combat", "troops"], capture_output=True, text=True, cwd=root, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert "[combat] [troops]" in plain.stdout and "1 article matches." in plain.stdout
    as_json = subprocess.run([*run, "--json", "speaker:Kirby"], capture_output=True, text=True, cwd=root, timeout=60)
    data = json.loads(as_json.stdout)
    assert data["articles"] == 1 and {h["speaker"] for h in data["results"][0]["hits"]} == {"John Kirby"}
    bad = subprocess.run([*run, '"'], capture_output=True, text=True, cwd=root, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("factlight: Type a word") and "Traceback" not in bad.stderr
