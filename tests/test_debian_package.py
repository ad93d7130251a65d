"""The Debian package's inputs stay in step with the program: its version, and the formats it opens."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from desktop import APP_ID, __version__
from desktop.documents import FORMATS

ROOT = Path(__file__).resolve().parent.parent
# shared-mime-info's type for each suffix the documents layer reads (freedesktop.org.xml).
MIME_TYPES = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml", ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text", ".epub": "application/epub+zip",
}


def test_the_changelog_is_at_the_programs_version():
    first = (ROOT / "packaging" / "debian" / "changelog").read_text(encoding="utf-8").splitlines()[0]
    version = re.match(r"factlight \(([^)]+)\) ", first).group(1)
    assert version.rsplit("-", 1)[0] == __version__, "add a packaging/debian/changelog entry for this version"


def test_the_launcher_entry_and_metainfo_name_every_format():
    assert set(FORMATS) <= set(MIME_TYPES), "add the new format's MIME type here and to packaging/linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    listed = set(filter(None, entry["Desktop Entry"]["MimeType"].split(";")))
    assert {MIME_TYPES[suffix] for suffix in FORMATS} == listed
    metainfo = (ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<mediatype>([^<]+)</mediatype>", metainfo)) == listed
