"""Smoke test of the built bundle (`make package-check`): runs dist/factlight/factlight, not the source tree.

The source tree runs only to produce the reference output the bundle must equal. Every run of the bundle
happens in a network namespace of its own when `unshare -n` works, and under strace when it is installed,
so that a connection attempt (start-up, analysis, window) fails the check instead of passing unnoticed.
Each run gets fresh XDG folders and settings, so nothing of the user's is read or written.

    .venv/bin/python packaging/check_bundle.py [--bundle dist/factlight]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "rferl-johnson-putin.txt"
SIZE_LIMIT_BYTES = 400 * 1000 * 1000
RUN_TIMEOUT_S = 300

# Nothing of these may be in the bundle: development tools, test suites, Qt modules the program never uses.
FORBIDDEN_MODULE_ROOTS = {"pytest", "_pytest", "pytestqt", "hypothesis", "pip", "setuptools", "pkg_resources",
                          "ruff", "PyInstaller", "tkinter"}
FORBIDDEN_QT_LIBS = re.compile(r"libQt6(Quick|Qml|WebEngine|3D|Multimedia|Pdf|Network|Designer|Test|Charts)|Qt6(Quick|Qml|WebEngine|Network)")
# Libraries every Linux desktop supplies, which PyInstaller deliberately leaves to the system: glibc, the GL
# driver, and libxcb itself (it must match the GL driver's).
SYSTEM_LIBS = re.compile(r"^(libc|libm|libdl|libpthread|librt|libresolv|libgcc_s|libGL|libEGL|libOpenGL|libGLX|"
                         r"libGLdispatch|libxcb|ld-linux[-\w]*)\.so")
# Qt's X11 platform plugin and what it needs must all be in the bundle (the wayland and offscreen plugins
# are the other ways the window opens).
X11_PLUGIN = "PySide6/Qt/plugins/platforms/libqxcb.so"
# Modules named "tests" that are not test suites: Jinja's template tests (`is defined`, …).
RUNTIME_TESTS_MODULES = {"jinja2.tests"}
# The languages packaging/hooks/hook-spacy.py keeps; any other spacy.lang.<xx> in the bundle is a lost cut.
SPACY_LANGS_KEPT = {"en", "xx", "ja", "ko", "th", "vi", "zh"}
SPACY_LANG_BASE = {"char_classes", "lex_attrs", "norm_exceptions", "punctuation", "tokenizer_exceptions"}

# A saved web page, to run trafilatura, justext, htmldate and lxml inside the bundle.
HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour council approves new sea wall | The Coastal Times</title>
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour council approves new sea wall</h1>
<p>The Westport harbour council voted 7 to 2 on Tuesday to build a sea wall costing about $14 million,
after storms flooded more than 300 homes last winter.</p>
<p>"We cannot keep asking families to bail out their kitchens every January," said council chair
Helen Okafor, who proposed the plan in October.</p>
<p>Opponents, led by councillor James Reid, argued that the wall would cut the town off from its beaches.
"This is a concrete answer to a question nobody has properly studied," Reid told reporters.</p>
<p>Construction is expected to start in June and take roughly 18 months, according to the Port Authority.</p>
</article>
<footer>Copyright 2024 The Coastal Times. All rights reserved.</footer>
</body></html>
"""


class CheckFailed(Exception):
    pass


class NotYetAvailable(Exception):
    """The source tree does not have the feature yet (another issue is building it); reported, not failed."""


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    network: list[str] = field(default_factory=list)


class Sandbox:
    """How the bundle is run: fresh user folders, offscreen Qt, and no network if the machine allows."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.isolation = self._network_isolation()
        self.strace = shutil.which("strace") if self._strace_works() else None

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTLIGHT_", "XDG_"))}
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            path = self.work / "home" / name.lower()
            path.mkdir(parents=True, exist_ok=True)
            env[name] = str(path)
        env["HOME"] = str(self.work / "home")
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["FACTLIGHT_DB"] = str(self.work / "default-library.db")
        # Without a namespace, any HTTP(S) client would at least go to a closed port on this machine.
        if not self.isolation:
            for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
                env[name] = "http://127.0.0.1:9"
            env.pop("no_proxy", None)
            env.pop("NO_PROXY", None)
        return env

    def describe(self) -> str:
        parts = [" ".join(self.isolation) + " (no network interface but a downed loopback)" if self.isolation
                 else "no network namespace available: proxies pointed at 127.0.0.1:9"]
        parts.append("strace records every connect/send to an inet address" if self.strace
                     else "strace not installed: connection attempts are not recorded")
        return "; ".join(parts)

    def run(self, argv: list[str], timeout: float = RUN_TIMEOUT_S, cwd: Path = ROOT) -> Result:
        trace_file = self.work / "strace.txt"
        prefix: list[str] = list(self.isolation)
        if self.strace:
            # --seccomp-bpf stops the program only at network calls, so timings stay close to untraced ones.
            prefix += [self.strace, "-f", "--seccomp-bpf", "-qq", "-e", "trace=%network", "-o", str(trace_file)]
        start = time.perf_counter()
        proc = subprocess.run(prefix + argv, cwd=cwd, env=self.environment(), capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        network = inet_traffic(trace_file.read_text(errors="replace")) if self.strace and trace_file.exists() else []
        return Result(proc.returncode, proc.stdout, proc.stderr, seconds, network)

    @staticmethod
    def _network_isolation() -> list[str]:
        unshare = shutil.which("unshare")
        if not unshare:
            return []
        for flags in (["-n"], ["-r", "-n"]):  # as root; else inside a user namespace
            probe = subprocess.run([unshare, *flags, "true"], capture_output=True)
            if probe.returncode == 0:
                return [unshare, *flags, "--"]
        return []

    @staticmethod
    def _strace_works() -> bool:
        strace = shutil.which("strace")
        if not strace:
            return False
        probe = [strace, "-f", "--seccomp-bpf", "-qq", "-e", "trace=%network", "-o", os.devnull, "true"]
        return subprocess.run(probe, capture_output=True).returncode == 0


def inet_traffic(trace: str) -> list[str]:
    """The traced calls that reach for an inet address (binding a probe socket to ::1 is not traffic)."""
    calls = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(.*\b(AF_INET6?)\b")
    return [line.strip() for line in trace.splitlines() if calls.search(line)]


def source_run(argv: list[str], env_overrides: dict[str, str] | None = None, cwd: Path = ROOT) -> Result:
    """The same command from the source tree, for the reference output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTLIGHT_")}
    env.update(env_overrides or {})
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "desktop", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S, stdin=subprocess.DEVNULL)
    return Result(proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start)


def expect_ok(what: str, result: Result) -> None:
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise CheckFailed(f"{what} exited with {result.returncode}:\n{tail}")
    if result.network:
        raise CheckFailed(f"{what} reached for the network:\n" + "\n".join(result.network[:10]))


def first_difference(a: object, b: object, path: str = "$") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in {'bundle' if key in a else 'source'}"
            diff = first_difference(a[key], b[key], f"{path}.{key}")
            if diff:
                return diff
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            diff = first_difference(x, y, f"{path}[{i}]")
            if diff:
                return diff
        return None if len(a) == len(b) else f"{path}: {len(a)} items vs {len(b)}"
    return None if a == b else f"{path}: {a!r} vs {b!r}"


def is_forbidden_module(name: str) -> bool:
    parts = name.split(".")
    if parts[0] in FORBIDDEN_MODULE_ROOTS:
        return True
    if "tests" in parts[1:] and name not in RUNTIME_TESTS_MODULES:
        return True
    return parts[:2] == ["spacy", "lang"] and len(parts) > 2 and parts[2] not in SPACY_LANGS_KEPT | SPACY_LANG_BASE


def size_on_disk(folder: Path) -> int:
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if not p.is_symlink())


def png_dimensions(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise CheckFailed(f"{path} is not a PNG")
    return struct.unpack(">II", data[16:24])


class BundleCheck:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.program = bundle / ("factlight.exe" if sys.platform == "win32" else "factlight")
        self.work = work
        self.sandbox = Sandbox(work)
        self.failures: list[str] = []
        self.skipped: list[str] = []
        self.figures: list[str] = []

    def step(self, name: str, check: Callable[[], str]) -> None:
        try:
            detail = check()
        except NotYetAvailable as exc:
            self.skipped.append(name)
            print(f"SKIP {name}: {exc}", flush=True)
        except (CheckFailed, subprocess.TimeoutExpired) as exc:
            self.failures.append(name)
            print(f"FAIL {name}: {exc}", flush=True)
        else:
            print(f"ok   {name}: {detail}", flush=True)

    def run(self) -> int:
        if not self.program.exists():
            print(f"FAIL no bundle: {self.program} does not exist (run make package)")
            return 1
        print(f"checking {self.bundle} ({self.sandbox.describe()})", flush=True)
        self.step("size and contents", self.check_contents)
        self.step("X11 platform plugin and its libraries", self.check_x11_libraries)
        self.step("--version", self.check_version)
        self.step("analyze --json of the sample equals the source tree's", self.check_analyze_sample)
        self.step("analyze --json of a saved web page equals the source tree's", self.check_analyze_html)
        self.step("analyze --json of a two-column PDF equals the source tree's", self.check_analyze_pdf)
        self.step("export from a fresh --db", self.check_export)
        self.step("--screenshot offscreen", self.check_screenshot)
        self.step("launcher entry install/uninstall from the bundle", self.check_install_desktop)
        for line in self.figures:
            print(line)
        if self.skipped:
            print(f"NOT CHECKED (not in the source tree yet): {', '.join(self.skipped)}")
        if self.failures:
            print(f"package-check FAILED: {', '.join(self.failures)}")
            return 1
        print("package-check passed")
        return 0

    # -- the steps -------------------------------------------------------------------------------------

    def check_contents(self) -> str:
        size = size_on_disk(self.bundle)
        self.figures.append(f"bundle size on disk: {size / 2**20:.0f} MiB ({size / 1e6:.0f} MB), limit 400 MB")
        problems = []
        if size >= SIZE_LIMIT_BYTES:
            problems.append(f"{size / 1e6:.0f} MB on disk, over the 400 MB limit")
        internal = self.bundle / "_internal"
        for path in internal.rglob("*"):
            rel = path.relative_to(internal).as_posix()
            top = rel.split("/")[0]
            if path.is_symlink() and not path.exists():
                problems.append(f"dangling symlink {rel}")
            elif path.is_dir() and (top in FORBIDDEN_MODULE_ROOTS or path.name in ("tests", "__pycache__")):
                problems.append(f"folder {rel}")
            elif FORBIDDEN_QT_LIBS.search(path.name):
                problems.append(f"unused Qt library {rel}")
            elif path.suffix in (".pyi", ".pxd", ".pyx") or path.name.endswith((".pyc.tmp",)):
                problems.append(f"development file {rel}")
        problems += self._forbidden_modules()
        if not (internal / "resources" / "sample" / SAMPLE.name).is_file():
            problems.append("resources/ is not at _internal/resources, where desktop.resources looks")
        if problems:
            raise CheckFailed("; ".join(problems[:12]) + (f" (and {len(problems) - 12} more)" if len(problems) > 12 else ""))
        return f"{size / 2**20:.0f} MiB, no dev tools, tests or unused Qt modules"

    def _forbidden_modules(self) -> list[str]:
        viewer = Path(sys.executable).with_name("pyi-archive_viewer")
        if not viewer.exists():
            return []
        listing = subprocess.run([str(viewer), "-l", "-r", "-b", str(self.program)], capture_output=True,
                                 text=True).stdout
        return [f"module {line.strip()}" for line in listing.splitlines() if is_forbidden_module(line.strip())]

    def check_x11_libraries(self) -> str:
        if sys.platform != "linux":
            raise NotYetAvailable("X11 is for Linux")
        readelf = shutil.which("readelf")
        if not readelf:
            raise NotYetAvailable("readelf (binutils) is not installed")
        internal = self.bundle / "_internal"
        bundled = {p.name for p in internal.rglob("*.so*")}
        missing: set[str] = set()
        seen: set[str] = set()
        todo = [internal / X11_PLUGIN]
        if not todo[0].exists():
            raise CheckFailed(f"{X11_PLUGIN} is not in the bundle")
        while todo:
            lib = todo.pop()
            if lib.name in seen:
                continue
            seen.add(lib.name)
            dynamic = subprocess.run([readelf, "-d", str(lib)], capture_output=True, text=True).stdout
            for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
                if SYSTEM_LIBS.match(needed):
                    continue
                if needed not in bundled:
                    missing.add(needed)
                    continue
                todo += [p for p in internal.rglob(needed) if p.is_file()][:1]
        if missing:
            raise CheckFailed(f"not in the bundle: {', '.join(sorted(missing))} (install them on the build machine, "
                              "e.g. libxcb-icccm4 libxcb-keysyms1, and rebuild; make package does this with apt-get)")
        return f"{len(seen)} libraries, all bundled except glibc, libxcb and the GL driver"

    def check_version(self) -> str:
        sys.path.insert(0, str(ROOT))
        from desktop import __version__

        result = self.sandbox.run([str(self.program), "--version"])
        expect_ok("factlight --version", result)
        if result.stdout.strip() != f"factlight {__version__}":
            raise CheckFailed(f"printed {result.stdout.strip()!r}, expected 'factlight {__version__}'")
        self.figures.append(f"bundle start-up (--version): {result.seconds:.2f} s")
        return result.stdout.strip()

    def _compare_analysis(self, article: Path, label: str) -> str:
        # Both get the same absolute path, so even document.path must match.
        source = source_run(["analyze", "--json", str(article)])
        if source.returncode != 0:
            raise CheckFailed("the source tree itself fails: " + source.stderr.strip().splitlines()[-1:][0])
        bundled = self.sandbox.run([str(self.program), "analyze", "--json", str(article)])
        expect_ok("factlight analyze --json", bundled)
        diff = first_difference(json.loads(bundled.stdout), json.loads(source.stdout))
        if diff:
            raise CheckFailed(f"bundle and source tree differ at {diff}")
        counts = {k: len(v) for k, v in json.loads(bundled.stdout).items() if isinstance(v, list)}
        self.figures.append(f"analyze {label}: bundle {bundled.seconds:.1f} s, source tree {source.seconds:.1f} s")
        return "identical JSON, " + ", ".join(f"{n} {k}" for k, n in counts.items())

    def check_analyze_sample(self) -> str:
        return self._compare_analysis(SAMPLE, "sample article")

    def check_analyze_html(self) -> str:
        page = self.work / "harbour-sea-wall.html"
        page.write_text(HTML_ARTICLE, encoding="utf-8")
        return self._compare_analysis(page, "saved web page")

    def check_analyze_pdf(self) -> str:
        # PDFium is a native library inside pypdfium2_raw: this proves the bundle carries it and reads with it.
        sys.path.insert(0, str(ROOT))
        from tests.documents.pdf_maker import make_pdf, typeset

        paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        pdf = self.work / "sample-two-columns.pdf"
        pdf.write_bytes(make_pdf(typeset(paragraphs, columns=2, header="Factlight · {n}"), title="Sample"))
        return self._compare_analysis(pdf, "two-column PDF")

    def check_export(self) -> str:
        missing = self.work / "no-such-library.db"
        source_missing = source_run(["export", "--db", str(missing)])
        if "No module named 'desktop.store" in source_missing.stderr:
            raise NotYetAvailable("the source tree has no export command yet")
        bundled_missing = self.sandbox.run([str(self.program), "export", "--db", str(missing)])
        if bundled_missing.network:
            raise CheckFailed("export reached for the network")
        if (bundled_missing.returncode, bundled_missing.stderr) != (source_missing.returncode, source_missing.stderr):
            raise CheckFailed(f"export of a missing library: bundle said {bundled_missing.stderr.strip()!r} "
                              f"(exit {bundled_missing.returncode}), source {source_missing.stderr.strip()!r}")
        outputs = []
        for name, run in (("bundle", lambda argv: self.sandbox.run([str(self.program), *argv])),
                          ("source", source_run)):
            db = self.work / f"fresh-{name}.db"
            stored = run(["analyze", "--db", str(db), str(SAMPLE)])
            expect_ok(f"{name}: factlight analyze --db", stored)
            exported = run(["export", "--db", str(db), "--include-auto"])
            expect_ok(f"{name}: factlight export --db", exported)
            outputs.append(exported.stdout)
        bundle_out, source_out = outputs
        if not bundle_out.strip():
            raise CheckFailed("export printed nothing")
        if bundle_out != source_out:
            diff = next((f"line {i + 1}: {a!r} vs {b!r}" for i, (a, b) in
                         enumerate(zip(bundle_out.splitlines(), source_out.splitlines(), strict=False)) if a != b),
                        "different number of lines")
            raise CheckFailed(f"bundle and source exports differ, {diff}")
        rows = len(bundle_out.splitlines()) - 1
        return f"new library written by analyze --db, {rows} CSV rows identical to the source tree's"

    def check_screenshot(self) -> str:
        ui = ROOT / "desktop" / "ui"
        if not (ui / "app.py").exists() or not any("screenshot" in f.read_text(encoding="utf-8") for f in ui.glob("*.py")):
            raise NotYetAvailable("desktop/ui/app.py does not implement --screenshot yet")
        out = self.work / "screenshot.png"
        result = self.sandbox.run([str(self.program), "--screenshot", str(out), "--size", "1400x900", str(SAMPLE)])
        expect_ok("factlight --screenshot", result)
        if not out.exists() or out.stat().st_size == 0:
            raise CheckFailed(f"no PNG was written to {out}")
        width, height = png_dimensions(out)
        if width == 0 or height == 0:
            raise CheckFailed(f"the PNG is {width}x{height}")
        self.figures.append(f"bundle start-to-screenshot: {result.seconds:.1f} s")
        keep = ROOT / "build" / "package-check-screenshot.png"
        keep.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, keep)
        return f"{width}x{height} PNG, {out.stat().st_size // 1024} KiB, in {result.seconds:.1f} s (copy: {keep.relative_to(ROOT)})"

    def check_install_desktop(self) -> str:
        script = self.bundle / "_internal" / "linux" / "install-desktop.sh"
        if sys.platform != "linux":
            raise NotYetAvailable("the launcher entry is for Linux desktops")
        if not script.exists():
            raise CheckFailed(f"{script.relative_to(self.bundle)} is missing from the bundle")
        data_home = self.work / "launcher-data"
        env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
        installed = subprocess.run(["sh", str(script), "install"], env=env, capture_output=True, text=True)
        if installed.returncode != 0:
            raise CheckFailed(f"install failed: {installed.stderr.strip()}")
        entry = data_home / "applications" / "io.github.factlight.Factlight.desktop"
        icon = data_home / "icons" / "hicolor" / "256x256" / "apps" / "io.github.factlight.Factlight.png"
        if not entry.is_file() or not icon.is_file():
            raise CheckFailed("the entry or its icon was not installed")
        if f'Exec="{self.program.resolve()}" %f' not in entry.read_text(encoding="utf-8"):
            raise CheckFailed("the installed entry does not start the bundle's program")
        validator = shutil.which("desktop-file-validate")
        if validator:
            valid = subprocess.run([validator, str(entry)], capture_output=True, text=True)
            if valid.returncode != 0 or valid.stdout.strip():
                raise CheckFailed(f"the installed entry does not validate: {valid.stdout.strip()}")
        removed = subprocess.run(["sh", str(script), "uninstall"], env=env, capture_output=True, text=True)
        if removed.returncode != 0 or entry.exists() or icon.exists():
            raise CheckFailed("uninstall left the entry or the icon behind")
        return "entry (Exec = the bundle's program), 9 icons and metainfo installed, validated, removed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "factlight")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factlight-package-check-") as work:
        return BundleCheck(args.bundle.resolve(), Path(work)).run()


if __name__ == "__main__":
    sys.exit(main())
