"""Every file that is not an article raises one DocumentError whose message a person understands."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.documents import MAX_BYTES, DocumentError, load

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def raises(path: Path, message: str) -> DocumentError:
    """Load `path`, expect a DocumentError whose message is exactly `message`, and return it."""
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert str(caught.value) == message
    return caught.value


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_an_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    raises(path, f"empty{suffix} is empty.")


@pytest.mark.parametrize("content", [b"   ", b"\n\n\n", b" \t\r\n \r\n"])
def test_a_file_of_only_whitespace(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    raises(path, "blank.txt is empty.")


def test_whitespace_only_in_utf_16_has_no_text(tmp_path):
    path = tmp_path / "blank16.txt"
    path.write_bytes(" \n \n".encode("utf-16"))
    raises(path, "blank16.txt has no text to show.")


@pytest.mark.parametrize("name", ["photo.txt", "photo.md", "photo.html", "photo.png", "photo", "photo.pdf"])
def test_png_bytes_are_called_an_image_whatever_the_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    raises(path, f"{name} is an image (PNG), not a document; Factlight does not recognise text in images (no OCR).")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("blob.txt", "blob.txt is not a text document (it contains binary data)."),
        ("blob.md", "blob.md is not a text document (it contains binary data)."),
        ("blob.html", "blob.html is not a text document (it contains binary data)."),
        ("blob.dat", "blob.dat is not a document Factlight can open (it contains binary data)."),
        ("blob", "blob is not a document Factlight can open (it contains binary data)."),
        ("blob.pdf", "blob.pdf is damaged or not a PDF file (its contents are not recognised)."),
        ("blob.docx", "blob.docx is damaged or not a Word file (its contents are not recognised)."),
    ],
)
def test_unknown_binary_bytes(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"\x00\x01\x02\x03" + bytes(range(256)) * 4)
    raises(path, message)


def test_nul_bytes_in_otherwise_plain_text(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"The minister said\x00 the talks had ended.\n")
    raises(path, "nul.txt is not a text document (it contains binary data).")


def test_a_missing_file(tmp_path):
    raises(tmp_path / "gone.txt", "gone.txt does not exist.")


def test_a_file_inside_a_missing_folder(tmp_path):
    raises(tmp_path / "nowhere" / "story.md", "story.md does not exist.")


def test_a_folder(tmp_path):
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    raises(folder, "articles.txt is a folder, not a document.")


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "stream.txt"
    os.mkfifo(pipe)
    raises(pipe, "stream.txt is not a regular file (it is a pipe, socket or device).")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; see the simulated test below")
def test_an_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Classified.\n", encoding="utf-8")
    path.chmod(0)
    try:
        raises(path, "secret.txt cannot be read: permission denied.")
    finally:
        path.chmod(0o644)


def test_an_unreadable_file_simulated(tmp_path, monkeypatch):
    # The suite runs as root in CI, where chmod 000 does not stop reading: make the read itself fail
    # the way the kernel reports it, so the loader's handling of EACCES is still exercised.
    path = tmp_path / "secret.txt"
    path.write_text("Classified.\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    raises(path, "secret.txt cannot be read: permission denied.")


def test_another_read_failure_names_its_cause(tmp_path, monkeypatch):
    path = tmp_path / "flaky.txt"
    path.write_text("Words.\n", encoding="utf-8")

    def fail(self: Path) -> bytes:
        raise OSError(5, "Input/output error", str(self))

    monkeypatch.setattr(Path, "read_bytes", fail)
    raises(path, "flaky.txt cannot be read: Input/output error.")


def test_an_over_size_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written to disk

    def must_not_read(self: Path) -> bytes:
        raise AssertionError("an over-size file was read")

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    raises(path, "huge.txt is too large to open (50 MB; the limit is 50 MB).")


def test_a_much_larger_file_gives_its_size(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(3 * MAX_BYTES)
    raises(path, "huge.html is too large to open (150 MB; the limit is 50 MB).")


def test_the_size_limit_is_50_megabytes():
    assert MAX_BYTES == 50 * 1024 * 1024


def test_bytes_in_no_known_encoding(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(128, 256)) * 20)
    raises(path, "garbled.txt is not in a text encoding Factlight can recognise.")


def test_document_error_is_one_type_for_every_case(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    for path in (tmp_path / "empty.txt", tmp_path / "folder", tmp_path / "missing.md"):
        with pytest.raises(DocumentError):
            load(path)
    assert issubclass(DocumentError, Exception) and not issubclass(DocumentError, OSError)
