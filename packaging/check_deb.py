"""Installs the .deb, runs the installed program, removes it and checks nothing is left (`make deb-check`).

    .venv/bin/python packaging/check_deb.py --deb dist/factlight_<version>_<arch>.deb

Needs root (dpkg -i). Steps: `dpkg -i`, and `apt-get -f install` when Depends are missing; the installed
`factlight` on the PATH runs `--version`, `analyze --json` of the sample (equal to the source tree's),
an offscreen `--screenshot`, and, on an X11 session where libxcb-cursor.so.0 is hidden from the loader, the
one-line message and exit 1; the installed launcher entry and metainfo validate; then `dpkg -r` and the
check that every file of the package is gone and nothing else changed under /opt, /usr and /etc (other
than the index caches dpkg's triggers rebuild and the files of packages apt-get brought for Depends).
The program runs with HOME and the XDG folders in a temporary folder and without network (check_bundle.py's
sandbox), so whatever it writes (caches, settings) must land there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from check_bundle import (  # noqa: E402
    SAMPLE,
    CheckFailed,
    Sandbox,
    expect_ok,
    first_difference,
    png_dimensions,
    source_run,
)

from desktop import APP_ID, __version__  # noqa: E402
from desktop.system_libraries import missing_message  # noqa: E402

PACKAGE = "factlight"
WATCHED = (Path("/opt"), Path("/usr"), Path("/etc"))
# Rebuilt by the triggers of hicolor-icon-theme, desktop-file-utils, shared-mime-info and man-db when a
# package adds or removes such files; they are indexes of what is installed, not files of this package.
TRIGGER_CACHES = ("/usr/share/icons/hicolor/icon-theme.cache", "/usr/share/applications/mimeinfo.cache",
                  "/usr/share/mime/", "/etc/ld.so.cache")


def sh(*args: str, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=check, env=env)


def installed_packages() -> set[str]:
    listing = sh("dpkg-query", "-W", "-f", "${Package}:${Architecture} ${db:Status-Abbrev}\n").stdout
    return {line.split()[0] for line in listing.splitlines() if len(line.split()) > 1 and line.split()[1] == "ii"}


def files_under(roots: tuple[Path, ...]) -> set[str]:
    found: set[str] = set()
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not os.path.ismount(os.path.join(folder, d))]
            found.update(os.path.join(folder, name) for name in dirs + files)
    return found


class DebCheck:
    def __init__(self, deb: Path, work: Path) -> None:
        self.deb, self.work = deb, work
        self.sandbox = Sandbox(work)
        self.failures: list[str] = []
        self.figures: list[str] = []
        self.package_files: list[str] = []
        self.brought: set[str] = set()

    def step(self, name: str, check: Callable[[], str]) -> bool:
        try:
            detail = check()
        except (CheckFailed, subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
            stderr = getattr(exc, "stderr", None)
            self.failures.append(name)
            print(f"FAIL {name}: {exc}" + (f"\n{stderr.strip()}" if stderr else ""), flush=True)
            return False
        print(f"ok   {name}: {detail}", flush=True)
        return True

    def run(self) -> int:
        if os.geteuid() != 0:
            print("deb-check: dpkg -i needs root (run it as root, or with sudo)")
            return 1
        if sh("dpkg-query", "-W", "-f", "${db:Status-Abbrev}", PACKAGE, check=False).stdout.startswith("ii"):
            print(f"deb-check: {PACKAGE} is installed already; remove it first (dpkg -r {PACKAGE})")
            return 1
        print(f"checking {self.deb.name}, {self.deb.stat().st_size / 1e6:.1f} MB ({self.sandbox.describe()})")
        before_packages = installed_packages()
        before_files = files_under(WATCHED)
        self.marker = time.time()
        try:
            if self.step("dpkg -i", self.install):
                self.brought = installed_packages() - before_packages - {f"{PACKAGE}:{self.arch()}"}
                self.step("factlight --version from the PATH", self.check_version)
                self.step("factlight analyze --json of the sample equals the source tree's", self.check_analyze)
                self.step("factlight --screenshot offscreen", self.check_screenshot)
                self.step("X11 without libxcb-cursor: one line, exit 1", self.check_missing_library)
                self.step("installed launcher entry, icons and metainfo", self.check_desktop_files)
        finally:
            self.step("dpkg -r leaves nothing behind", lambda: self.remove(before_files))
        for line in self.figures:
            print(line)
        if self.failures:
            print(f"deb-check FAILED: {', '.join(self.failures)}")
            return 1
        print("deb-check passed")
        return 0

    @staticmethod
    def arch() -> str:
        return sh("dpkg", "--print-architecture").stdout.strip()

    # -- the steps -------------------------------------------------------------------------------------

    def install(self) -> str:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        start = time.perf_counter()
        first = sh("dpkg", "-i", str(self.deb), check=False, env=env)
        how = "dpkg -i"
        if first.returncode != 0:
            # Depends not installed yet: dpkg leaves the package unconfigured, apt-get brings them and ends it.
            fixed = sh("apt-get", "-f", "install", "-y", "-qq", check=False, env=env)
            if fixed.returncode != 0:
                sh("apt-get", "update", "-qq", env=env)
                fixed = sh("apt-get", "-f", "install", "-y", "-qq", check=False, env=env)
            if fixed.returncode != 0:
                raise CheckFailed(f"dpkg -i failed and apt-get -f install could not fix it: {fixed.stderr.strip()}")
            how = "dpkg -i, then apt-get -f install for Depends"
        status = sh("dpkg-query", "-W", "-f", "${db:Status-Abbrev}", PACKAGE, check=False).stdout
        if not status.startswith("ii"):
            raise CheckFailed(f"after {how} the package's status is {status.strip()!r}")
        self.package_files = sh("dpkg", "-L", PACKAGE).stdout.splitlines()
        self.figures.append(f"install: {time.perf_counter() - start:.1f} s ({how})")
        return f"{how}; {len(self.package_files)} paths"

    def program(self) -> str:
        found = shutil.which(PACKAGE, path="/usr/local/bin:/usr/bin:/bin")
        if found != f"/usr/bin/{PACKAGE}":
            raise CheckFailed(f"factlight on the PATH is {found}, not /usr/bin/factlight")
        return found

    def check_version(self) -> str:
        result = self.sandbox.run([self.program(), "--version"], cwd=self.work)
        expect_ok("factlight --version", result)
        if result.stdout.strip() != f"factlight {__version__}":
            raise CheckFailed(f"printed {result.stdout.strip()!r}")
        self.figures.append(f"installed start-up (--version): {result.seconds:.2f} s")
        return result.stdout.strip()

    def check_analyze(self) -> str:
        installed = self.sandbox.run([self.program(), "analyze", "--json", str(SAMPLE)], cwd=self.work)
        expect_ok("factlight analyze --json", installed)
        source = source_run(["analyze", "--json", str(SAMPLE)])
        diff = first_difference(json.loads(installed.stdout), json.loads(source.stdout))
        if diff:
            raise CheckFailed(f"installed program and source tree differ at {diff}")
        counts = {k: len(v) for k, v in json.loads(installed.stdout).items() if isinstance(v, list)}
        self.figures.append(f"installed analyze of the sample: {installed.seconds:.1f} s")
        return "identical JSON, " + ", ".join(f"{n} {k}" for k, n in counts.items())

    def check_screenshot(self) -> str:
        out = self.work / "installed-screenshot.png"
        result = self.sandbox.run([self.program(), "--screenshot", str(out), "--size", "1200x800", str(SAMPLE)],
                                  cwd=self.work)
        expect_ok("factlight --screenshot", result)
        if not out.is_file() or png_dimensions(out) != (1200, 800):
            raise CheckFailed(f"no 1200x800 PNG at {out}")
        keep = ROOT / "build" / "deb-check-screenshot.png"
        keep.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, keep)
        return f"1200x800 PNG, {out.stat().st_size // 1024} KiB in {result.seconds:.1f} s (copy: {keep.relative_to(ROOT)})"

    def check_missing_library(self) -> str:
        hidden = self.work / "hidden-libraries"
        hidden.mkdir(exist_ok=True)
        (hidden / "libxcb-cursor.so.0").write_bytes(b"not a shared library\n")  # the loader stops at it
        env = {k: v for k, v in self.sandbox.environment().items()
               if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
        env.update(DISPLAY=":97", LD_LIBRARY_PATH=str(hidden))
        done = subprocess.run([self.program()], env=env, capture_output=True, text=True, timeout=120,
                              cwd=self.work, stdin=subprocess.DEVNULL)
        lines = done.stderr.splitlines()
        if done.returncode != 1 or lines != [missing_message(["libxcb-cursor.so.0"])]:
            raise CheckFailed(f"exit {done.returncode}, stderr {done.stderr.strip()!r}")
        return lines[0][:90] + "…"

    def check_desktop_files(self) -> str:
        entry = Path("/usr/share/applications") / f"{APP_ID}.desktop"
        metainfo = Path("/usr/share/metainfo") / f"{APP_ID}.metainfo.xml"
        icons = sorted(Path("/usr/share/icons/hicolor").glob(f"*/apps/{APP_ID}.*"))
        for path in (entry, metainfo, Path("/usr/share/man/man1/factlight.1.gz"),
                     Path("/usr/share/doc/factlight/copyright"), Path("/usr/share/doc/factlight/changelog.Debian.gz")):
            if not path.is_file():
                raise CheckFailed(f"{path} is not installed")
        if len(icons) != 9:
            raise CheckFailed(f"{len(icons)} icons installed, not 9 (8 PNG sizes and the SVG)")
        checked = []
        for tool, args in (("desktop-file-validate", [str(entry)]),
                           ("appstreamcli", ["validate", "--no-net", str(metainfo)])):
            if shutil.which(tool):
                done = sh(tool, *args, check=False)
                if done.returncode != 0:
                    raise CheckFailed(f"{tool}: {done.stdout.strip()} {done.stderr.strip()}")
                checked.append(tool)
        return f"entry, metainfo, man page, copyright, changelog, {len(icons)} icons; validated by {', '.join(checked) or 'nothing (tools not installed)'}"

    def remove(self, before: set[str]) -> str:
        if not self.package_files:
            return "nothing was installed"
        sh("dpkg", "-r", PACKAGE)
        status = sh("dpkg-query", "-W", "-f", "${db:Status-Abbrev}", PACKAGE, check=False).stdout.strip()
        if status.startswith(("ii", "rc")):
            raise CheckFailed(f"after dpkg -r the package's status is {status!r}")
        left = [p for p in self.package_files if os.path.lexists(p) and not os.path.isdir(p)]
        left += [p for p in ("/opt/factlight", "/usr/bin/factlight", "/usr/share/doc/factlight") if os.path.lexists(p)]
        if left:
            raise CheckFailed(f"still there after dpkg -r: {', '.join(sorted(set(left))[:10])}")
        theirs: set[str] = set()
        for package in self.brought:
            theirs.update(sh("dpkg", "-L", package, check=False).stdout.splitlines())
        after = files_under(WATCHED)
        changed = {p for p in after if not os.path.isdir(p) and os.lstat(p).st_mtime >= self.marker}
        new = (after - before) | changed
        unexpected = sorted(p for p in new - theirs if not p.startswith(TRIGGER_CACHES) and not os.path.isdir(p))
        unexpected += sorted(p for p in (after - before) - theirs if os.path.isdir(p))
        if unexpected:
            raise CheckFailed(f"left in the system: {', '.join(unexpected[:10])}")
        brought = f"; apt-get brought {len(self.brought)} packages for Depends, kept" if self.brought else ""
        return f"all {len(self.package_files)} paths gone, nothing new under /opt, /usr, /etc{brought}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, required=True)
    args = parser.parse_args(argv)
    if not args.deb.is_file():
        print(f"deb-check: no package at {args.deb} (run make deb)")
        return 1
    with tempfile.TemporaryDirectory(prefix="factlight-deb-check-") as work:
        return DebCheck(args.deb.resolve(), Path(work)).run()


if __name__ == "__main__":
    sys.exit(main())
