"""Builds dist/factlight_<version>_<arch>.deb from the PyInstaller bundle with dpkg-deb (`make deb`).

    .venv/bin/python packaging/build_deb.py [--bundle dist/factlight] [--out dist] [--work build/deb]

What goes where: the bundle under /opt/factlight, /usr/bin/factlight a symlink to it, the launcher entry,
icons and AppStream metainfo from packaging/linux and resources/icons in /usr/share, a manual page, and
/usr/share/doc/factlight/{copyright,changelog.Debian.gz}. The MIME types are the standard ones of
shared-mime-info (text/plain, text/markdown, text/html), named in the launcher entry, so no MIME XML.

The system's libraries are the system's: every library PyInstaller copied into the bundle from a Debian
package of the build machine (the same soname and the same ELF build-id as the file `ldconfig -p` gives,
owned by a package according to `dpkg -S`) is left out, so Debian's security updates reach it. What stays
under /opt is what Debian does not have: this Python, the wheels' libraries (Qt, OpenBLAS, …).

Depends lists exactly the libraries the package then leaves to the system: the ELF DT_NEEDED entries of
every file in the package, less the sonames the package carries, each mapped to its package with `dpkg -S`
on the file `ldconfig -p` names, with the minimum version from that package's shlibs file. A library the
build machine does not have (the Wayland client libraries, GTK 3) is mapped with the Debian column of
resources/system-libraries.tsv, unversioned. Libraries that only the GTK platform theme plugin needs go
to Recommends: Qt loads that plugin only on a GTK desktop, which has them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop import APP_ID, __version__  # noqa: E402
from desktop.system_libraries import read_dynamic, read_packages_table  # noqa: E402

PACKAGE = "factlight"
MAINTAINER = "The Factlight developers <factlight@users.noreply.github.com>"
DEBIAN_REVISION = "1"
PREFIX = Path("opt") / PACKAGE
OPTIONAL_PLUGINS = ("PySide6/Qt/plugins/platformthemes/",)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent


@dataclass
class Dependencies:
    depends: dict[str, str] = field(default_factory=dict)  # package -> version constraint ("" if none)
    recommends: dict[str, str] = field(default_factory=dict)
    left_to_system: dict[str, str] = field(default_factory=dict)  # soname -> package
    how: dict[str, str] = field(default_factory=dict)  # soname -> "dpkg -S" or "table"

    @staticmethod
    def field(packages: dict[str, str]) -> str:
        return ", ".join(f"{name} ({version})" if version else name for name, version in sorted(packages.items()))


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def elf_machine(path: Path) -> tuple[int, int]:
    """(EI_CLASS, e_machine): which system libraries can stand in for a bundled one."""
    head = path.read_bytes()[:20]
    return head[4], int.from_bytes(head[18:20], "little" if head[5] == 1 else "big")


def build_id(path: Path) -> str | None:
    notes = subprocess.run(["readelf", "-n", str(path)], capture_output=True, text=True).stdout
    match = re.search(r"Build ID: ([0-9a-f]+)", notes)
    return match.group(1) if match else None


def system_libraries(machine: tuple[int, int]) -> dict[str, Path]:
    """soname -> the file the dynamic loader would use (ldconfig -p), for this architecture only."""
    found: dict[str, Path] = {}
    for line in run("ldconfig", "-p").splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and match.group(1) not in found:
            path = Path(match.group(3))
            if path.exists() and elf_machine(path.resolve()) == machine:
                found[match.group(1)] = path
    return found


class Owners:
    """Which package holds a file: one `dpkg -S` for all the files asked about (each call reads dpkg's lists)."""

    def __init__(self, paths: list[Path]):
        self.owner: dict[str, str] = {}
        candidates = sorted({c for path in paths for c in self._spellings(path)})
        if candidates:
            done = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True)
            for line in done.stdout.splitlines():
                if line.startswith("diversion by") or ": " not in line:
                    continue
                packages, file = line.split(": ", 1)
                self.owner[file.strip()] = packages.split(",")[0].split(":")[0].strip()

    @staticmethod
    def _spellings(path: Path) -> set[str]:
        """The path as given and as resolved, with and without /usr (a merged /usr has both, dpkg one)."""
        names = {str(path), str(path.resolve())}
        return names | {n[4:] if n.startswith("/usr/") else "/usr" + n for n in names}

    def of(self, path: Path) -> str | None:
        return next((self.owner[s] for s in sorted(self._spellings(path)) if s in self.owner), None)


def shlibs_version(package: str, soname: str, arch: str) -> str:
    """The dependency the package's shlibs file gives for the soname, e.g. '>= 0.1.1' (Debian Policy 8.6)."""
    match = re.match(r"(.+)\.so\.(.+)$", soname) or re.match(r"(.+)-([0-9][^-]*)\.so$", soname)
    if not match:
        return ""
    name, version = match.groups()
    info = Path("/var/lib/dpkg/info")
    for shlibs in (info / f"{package}:{arch}.shlibs", info / f"{package}.shlibs"):
        if not shlibs.exists():
            continue
        for line in shlibs.read_text(encoding="utf-8").splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and not parts[0].endswith(":") and parts[:2] == [name, version]:
                constraint = re.search(r"\(([^)]*)\)", parts[2].split(",")[0])
                return constraint.group(1) if constraint else ""
    return ""


def newer(a: str, b: str) -> str:
    """The stricter of two '>= X' constraints."""
    if not a or not b:
        return a or b
    va, vb = a.split()[-1], b.split()[-1]
    return a if subprocess.run(["dpkg", "--compare-versions", va, "ge", vb]).returncode == 0 else b


def leave_system_libraries_out(internal: Path, system: dict[str, Path], owners: Owners) -> dict[str, str]:
    """Remove the bundle's copies of Debian's libraries; returns soname -> package of those removed."""
    removed: dict[str, str] = {}
    for path in sorted(internal.iterdir()):
        if not is_elf(path) or ".so" not in path.name or path.name not in system:
            continue
        own = build_id(path)
        if own is None or own != build_id(system[path.name].resolve()):
            continue  # a different build (this Python, a wheel's library): it stays
        package = owners.of(system[path.name])
        if package is None:
            continue
        path.unlink()
        removed[path.name] = package
    return removed


def was_patched(path: Path, dynamic_search_path: tuple[str, ...]) -> bool:
    """auditwheel rewrote it with patchelf (it lives in, or looks into, a `<package>.libs` folder): strip
    would rewrite it into a file the loader refuses. Qt's own $ORIGIN run paths come from its linker."""
    return any(part.endswith(".libs") for part in path.parts) or any(".libs" in p for p in dynamic_search_path)


def tidy_binaries(program: Path) -> tuple[int, int, list[Path]]:
    """Debian's treatment of shared objects (dh_strip's options), and no run path into the build machine.

    CPython built by pyenv records its own prefix (RUNPATH /root/.pyenv/…/lib) in libpython and every
    lib-dynload module: removed with chrpath, since the loader finds libpython beside them. Returns
    (stripped, run paths removed, left unstripped because patched).
    """
    stripped, cleared, patched = 0, 0, []
    for path in sorted(program.rglob("*")):
        if not is_elf(path) or path.name == PACKAGE:  # the bootloader carries its archive after the ELF image
            continue
        search = read_dynamic(path).search_path
        if any(not p.startswith(("$ORIGIN", "${ORIGIN}")) for p in search):
            subprocess.run(["chrpath", "-d", str(path)], check=True, capture_output=True)
            cleared += 1
            search = ()
        if was_patched(path, search):
            patched.append(path)
            continue
        out = path.with_name(path.name + ".stripped")
        done = subprocess.run(["strip", "--strip-unneeded", "--remove-section=.comment", "--remove-section=.note",
                               "-o", str(out), str(path)], capture_output=True)
        if done.returncode == 0:
            out.replace(path)
            stripped += 1
        else:
            out.unlink(missing_ok=True)
            patched.append(path)
    return stripped, cleared, patched


def dependencies(program: Path, system: dict[str, Path], owners: Owners, arch: str) -> Dependencies:
    carried = {p.name for p in program.rglob("*") if ".so" in p.name}
    needed_by: dict[str, list[str]] = {}
    for path in program.rglob("*"):
        if is_elf(path):
            relative = path.relative_to(program / "_internal").as_posix() if "_internal" in path.parts else path.name
            for name in read_dynamic(path).needed:
                if name not in carried:
                    needed_by.setdefault(name, []).append(relative)
    table = read_packages_table()
    result = Dependencies()
    unknown = []
    for soname, users in sorted(needed_by.items()):
        if soname in system and (package := owners.of(system[soname])):
            version, how = shlibs_version(package, soname, arch), "dpkg -S"
        elif soname in table:
            package, version, how = table[soname].debian, "", "table"
        else:
            unknown.append(f"{soname} (needed by {users[0]})")
            continue
        optional = all(user.startswith(OPTIONAL_PLUGINS) for user in users)
        target = result.recommends if optional else result.depends
        target[package] = newer(target.get(package, ""), version)
        result.left_to_system[soname] = package
        result.how[soname] = how
    if unknown:
        raise SystemExit("deb: no Debian package known for " + "; ".join(unknown)
                         + " (install it on the build machine, or add it to resources/system-libraries.tsv)")
    for package in set(result.recommends) & set(result.depends):
        del result.recommends[package]
    return result


def install_files(stage: Path, program_source: Path) -> None:
    program = stage / PREFIX
    shutil.copytree(program_source, program, symlinks=True)
    usr = stage / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / PACKAGE).symlink_to(Path("/") / PREFIX / PACKAGE)
    linux, icons = ROOT / "packaging" / "linux", ROOT / "resources" / "icons"
    copy(linux / f"{APP_ID}.desktop", usr / "share" / "applications" / f"{APP_ID}.desktop")
    copy(linux / f"{APP_ID}.metainfo.xml", usr / "share" / "metainfo" / f"{APP_ID}.metainfo.xml")
    copy(icons / f"{APP_ID}.svg", usr / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        name = Path("hicolor") / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        copy(icons / name, usr / "share" / "icons" / name)
    doc = usr / "share" / "doc" / PACKAGE
    write_gzip(HERE / "debian" / "changelog", doc / "changelog.Debian.gz")
    write_gzip(HERE / "debian" / "factlight.1", usr / "share" / "man" / "man1" / "factlight.1.gz")
    copy(HERE / "debian" / "lintian-overrides", usr / "share" / "lintian" / "overrides" / PACKAGE)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")


def copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def write_gzip(source: Path, target: Path) -> None:
    """gzip -9n: no name or time stamp in the header, so the same input gives the same bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
        out.write(source.read_bytes())


def copyright_text() -> str:
    """Factlight's MIT notice, then every bundled Python distribution with the licence its metadata states."""
    from importlib import metadata

    lines = [
        "Factlight, packaged for Debian from its PyInstaller bundle.",
        "Upstream: https://github.com/factlight/factlight",
        "",
        "Copyright (c) 2026 The Factlight developers",
        "",
        (HERE / "debian" / "MIT").read_text(encoding="utf-8").rstrip(),
        "",
        "Bundled under /opt/factlight/_internal, each under its own licence (the full texts are in the",
        "components' .dist-info folders there, or in the upstream projects named):",
        "",
        "  Python 3.11 (interpreter and standard library): PSF-2.0",
        "  Qt 6 (through PySide6): GNU Lesser General Public License version 3,",
        "    see /usr/share/common-licenses/LGPL-3; its ICU: Unicode-3.0",
    ]
    for dist in sorted(runtime_distributions(), key=str.lower):
        meta = metadata.metadata(dist)
        licence = meta.get("License-Expression") or next(
            (c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")),
            (meta.get("License") or "see its metadata").splitlines()[0][:60])
        lines.append(f"  {meta['Name']} {meta['Version']}: {licence}")
    return "\n".join(lines) + "\n"


def runtime_distributions() -> set[str]:
    """The distributions the factlight project needs at run time, followed through their requirements."""
    from importlib import metadata

    seen: set[str] = set()
    todo = ["factlight"]
    while todo:
        name = todo.pop()
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            marker = requirement.split(";", 1)
            if len(marker) == 2 and not _marker_holds(marker[1]):
                continue
            dep = re.split(r"[\s<>=!~\[;(]", requirement, maxsplit=1)[0]
            key = dep.lower().replace("_", "-")
            if key not in seen:
                seen.add(key)
                todo.append(dep)
    return {name for name in seen if _installed(name)}


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    return Marker(marker).evaluate()


def _installed(name: str) -> bool:
    from importlib import metadata

    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def changelog_version() -> str:
    first = (HERE / "debian" / "changelog").read_text(encoding="utf-8").splitlines()[0]
    match = re.match(rf"{PACKAGE} \(([^)]+)\)", first)
    if not match:
        raise SystemExit("deb: packaging/debian/changelog does not start with a factlight entry")
    version = match.group(1)
    if version.rsplit("-", 1)[0] != __version__:
        raise SystemExit(f"deb: packaging/debian/changelog is at {version}, the program at {__version__}: "
                         "add an entry for this version first")
    return version


def write_control(stage: Path, version: str, arch: str, deps: Dependencies) -> None:
    control = stage / "DEBIAN"
    control.mkdir()
    size_kib = sum((p.lstat().st_size + 1023) // 1024 for p in stage.rglob("*") if not p.is_dir())
    text = (HERE / "debian" / "control.in").read_text(encoding="utf-8")
    for key, value in {"VERSION": version, "ARCH": arch, "MAINTAINER": MAINTAINER, "INSTALLED_SIZE": str(size_kib),
                       "DEPENDS": Dependencies.field(deps.depends),
                       "RECOMMENDS": Dependencies.field(deps.recommends)}.items():
        text = text.replace(f"@{key}@", value)
    if not deps.recommends:
        text = re.sub(r"^Recommends: \n", "", text, flags=re.MULTILINE)
    (control / "control").write_text(text, encoding="utf-8")
    sums = []
    for path in sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.parts):
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(stage).as_posix()}")
    (control / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")


def normalise_permissions(stage: Path) -> None:
    """0755 for folders and executables, 0644 for the rest (lintian's rule; PyInstaller keeps the wheels')."""
    for path in [stage, *stage.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111 and (path.name == PACKAGE or path.suffix == ".sh")
            path.chmod(0o755 if executable else 0o644)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "factlight")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    parser.add_argument("--compression", choices=("xz", "gzip"), default="xz")  # lintian refuses zstd
    args = parser.parse_args(argv)
    if not (args.bundle / PACKAGE).is_file():
        raise SystemExit(f"deb: no bundle at {args.bundle}; run make package first")
    version = changelog_version()
    arch = run("dpkg", "--print-architecture").strip()
    stage = args.work / "root"
    shutil.rmtree(args.work, ignore_errors=True)
    stage.mkdir(parents=True)
    install_files(stage, args.bundle)
    program = stage / PREFIX
    system = system_libraries(elf_machine(program / PACKAGE))
    owners = Owners(list(system.values()))
    removed = leave_system_libraries_out(program / "_internal", system, owners)
    stripped, cleared, patched = tidy_binaries(program)
    deps = dependencies(program, system, owners, arch)
    normalise_permissions(stage)
    write_control(stage, version, arch, deps)
    out = args.out / f"{PACKAGE}_{version}_{arch}.deb"
    out.parent.mkdir(parents=True, exist_ok=True)
    threads = str(max(1, os.cpu_count() or 1))
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{args.compression}", f"--threads-max={threads}", "--build",
                    str(stage), str(out)], check=True, stdout=subprocess.DEVNULL)
    (args.work / "depends.txt").write_text(
        "".join(f"{soname}\t{package}\t{deps.how[soname]}\n" for soname, package in sorted(deps.left_to_system.items())),
        encoding="utf-8")
    print(f"built {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
          f"{out.stat().st_size / 1e6:.1f} MB, installed {int(run('du', '-sk', str(stage)).split()[0]) / 1024:.0f} MiB; "
          f"{len(removed)} bundled copies of Debian libraries left out; {stripped} shared objects stripped, "
          f"{len(patched)} left as the wheels patched them; {cleared} run paths into the build machine removed")
    print(f"Depends: {Dependencies.field(deps.depends)}")
    if deps.recommends:
        print(f"Recommends: {Dependencies.field(deps.recommends)}")
    by_table = sorted(s for s, how in deps.how.items() if how == "table")
    if by_table:
        print(f"mapped by resources/system-libraries.tsv (not on this machine): {', '.join(by_table)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
