"""Before Qt starts on X11: can the libraries of Qt's xcb platform plugin be loaded? If not, say which, once.

Qt's pip wheels link their X11 plugin (libqxcb.so) against X11 libraries that many desktops do not install
(libxcb-cursor0 since Qt 6.5); when one is missing Qt prints a paragraph and aborts. This module reads the
plugin's ELF dynamic section (DT_NEEDED, DT_RUNPATH) without importing Qt, follows the libraries the wheel or
the bundle carries, asks the dynamic loader (ctypes) for the others, and words what is missing as one line
with the packages that bring it on Debian/Ubuntu, Fedora and Arch (resources/system-libraries.tsv).

Nothing is checked under Wayland, offscreen or any other platform, nor outside Linux.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.resources import resource_path

XCB_PLUGIN = "libqxcb.so"
DT_NEEDED, DT_STRTAB, DT_RPATH, DT_RUNPATH = 1, 5, 15, 29
SHT_DYNAMIC = 6
Loader = Callable[[str], bool]


@dataclass(frozen=True)
class ElfDynamic:
    needed: tuple[str, ...]
    search_path: tuple[str, ...]  # DT_RUNPATH, else DT_RPATH, as written ($ORIGIN not expanded)


@dataclass(frozen=True)
class Packages:
    debian: str
    fedora: str
    arch: str


def read_dynamic(path: Path) -> ElfDynamic:
    """DT_NEEDED and the run path of an ELF file, from its section headers (stripped files keep them)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        raise ValueError(f"{path} is not an ELF file")
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
    sections = [_section(data, order, wide, shoff + i * shentsize) for i in range(shnum)]
    dynamic = next((s for s in sections if s[0] == SHT_DYNAMIC), None)
    if dynamic is None:
        return ElfDynamic((), ())
    _type, offset, size, link = dynamic
    strings_offset = sections[link][1]
    entry = struct.Struct(order + ("qQ" if wide else "iI"))
    needed, rpath, runpath = [], [], []
    for i in range(size // entry.size):
        tag, value = entry.unpack_from(data, offset + i * entry.size)
        if tag == 0:
            break
        if tag in (DT_NEEDED, DT_RPATH, DT_RUNPATH):
            end = data.index(b"\0", strings_offset + value)
            text = data[strings_offset + value : end].decode("utf-8", "surrogateescape")
            {DT_NEEDED: needed, DT_RPATH: rpath, DT_RUNPATH: runpath}[tag].append(text)
    search = runpath or rpath
    return ElfDynamic(tuple(needed), tuple(p for entry in search for p in entry.split(":") if p))


def _section(data: bytes, order: str, wide: bool, at: int) -> tuple[int, int, int, int]:
    """(sh_type, sh_offset, sh_size, sh_link) of the section header at `at`."""
    if wide:
        _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(order + "IIQQQQI", data, at)
    else:
        _name, kind, _flags, _addr, offset, size, link = struct.unpack_from(order + "IIIIIII", data, at)
    return kind, offset, size, link


def can_load(name: str) -> bool:
    """What the dynamic loader says: the library and everything it needs are found (LD_LIBRARY_PATH,
    ld.so.cache, the default folders)."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(plugin: Path, loader: Loader = can_load, carried: Iterable[Path] = ()) -> list[str]:
    """The libraries `plugin` needs, directly or through the libraries shipped beside it, that cannot be loaded.

    A library is shipped when it is in the run path of the file that needs it ($ORIGIN expanded) or in one of
    the `carried` folders (a PyInstaller bundle's top folder); those are read in turn. Any other is the
    system's, and the loader decides.
    """
    missing: list[str] = []
    seen: set[str] = set()
    todo = [plugin]
    while todo:
        current = todo.pop()
        dynamic = read_dynamic(current)
        folders = [Path(p.replace("$ORIGIN", str(current.parent)).replace("${ORIGIN}", str(current.parent)))
                   for p in dynamic.search_path] + list(carried)
        for name in dynamic.needed:
            if name in seen:
                continue
            seen.add(name)
            shipped = next((folder / name for folder in folders if (folder / name).is_file()), None)
            if shipped is not None:
                todo.append(shipped.resolve())
            elif not loader(name):
                missing.append(name)
    return missing


def xcb_plugin() -> Path | None:
    """The libqxcb.so Qt will load: QT_QPA_PLATFORM_PLUGIN_PATH first, then the bundle's or PySide6's own."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    if getattr(sys, "frozen", False):
        folders.append(Path(sys._MEIPASS) / "PySide6" / "Qt" / "plugins" / "platforms")  # type: ignore[attr-defined]
    else:
        spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
        for location in (spec.submodule_search_locations or []) if spec else []:
            folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    return next((folder / XCB_PLUGIN for folder in folders if (folder / XCB_PLUGIN).is_file()), None)


def qt_will_use_x11(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt picks its xcb plugin, as QGuiApplication does: QT_QPA_PLATFORM first, then the session."""
    if not sys.platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return False
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return False
    return bool(environ.get("DISPLAY"))


def read_packages_table(path: Path | None = None) -> dict[str, Packages]:
    """soname -> the packages that bring it, from resources/system-libraries.tsv."""
    table: dict[str, Packages] = {}
    source = path or resource_path("system-libraries.tsv")
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        soname, debian, fedora, arch = line.split("\t")
        table[soname] = Packages(debian, fedora, arch)
    return table


def missing_message(missing: list[str], table: dict[str, Packages] | None = None) -> str:
    """One line: the missing libraries, and the packages to install on Debian/Ubuntu, Fedora and Arch."""
    table = read_packages_table() if table is None else table
    known = [table[name] for name in missing if name in table]

    def packages(pick: Callable[[Packages], str]) -> str:
        return " ".join(dict.fromkeys(pick(p) for p in known))

    one = len(missing) == 1
    line = (f"factlight: the window cannot open on X11: Qt's X11 plugin needs {', '.join(missing)}, "
            f"which {'is' if one else 'are'} not installed")
    if known:
        line += (f"; install {'it' if one else 'them'} with: sudo apt install {packages(lambda p: p.debian)} (Debian, Ubuntu), "
                 f"sudo dnf install {packages(lambda p: p.fedora)} (Fedora), "
                 f"sudo pacman -S {packages(lambda p: p.arch)} (Arch)")
    return line


def x11_problem(environ: dict[str, str] | os._Environ[str] = os.environ, loader: Loader = can_load) -> str | None:
    """The one line to print when Qt would start on X11 and abort for a missing library; else None."""
    if not qt_will_use_x11(environ):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None  # no xcb plugin at all: Qt says so itself, and lists the ones it has
    carried = [Path(sys._MEIPASS)] if getattr(sys, "frozen", False) else []  # type: ignore[attr-defined]
    try:
        missing = missing_libraries(plugin, loader, carried)
    except (OSError, ValueError, struct.error):
        return None  # an unreadable plugin is not ours to explain: Qt will
    return missing_message(missing) if missing else None


def main() -> int:
    """`python -m desktop.system_libraries` (make run's first step): the line and exit 1, or nothing and 0."""
    problem = x11_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
