"""The shape of the code stays as the project decided: arrows point down, no cycles, small modules.

Read from the source with `ast`, so nothing is imported: the layers ui -> store -> analysis -> documents
import only downwards (at any depth, lazy imports and those for type hints included); no two modules
import each other, even for type hints; every module is under 400 lines and every class under 300; and
word lists live in lexicon data files, not as tables of more than 20 entries in the analysis code.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
# Each layer and the layers below it, which are all it may import from the project.
LAYERS = ("documents", "analysis", "store", "ui")
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 300
MAX_TABLE_ENTRIES = 20


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module = field(repr=False)
    lines: int
    imports: set[str] = field(default_factory=set, repr=False)  # project modules it imports, at any depth


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_modules(package: Path = PACKAGE) -> dict[str, Module]:
    modules = {}
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = module_name(path, package.parent)
        modules[name] = Module(name, path, ast.parse(source), len(source.splitlines()))
    for module in modules.values():
        module.imports = imported_modules(module, modules)
    return modules


def imported_modules(module: Module, known: dict[str, Module]) -> set[str]:
    """The project modules `module` imports, each named as the module file that holds what it imports."""
    found = set()
    is_package = module.path.name == "__init__.py"
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # "from desktop.analysis import quotes" imports the module quotes; "from x import Name" imports x
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module.name:
                found.add(target)
    return found


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """Groups of modules that reach each other through imports (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for other in sorted(modules[name].imports):
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == name:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return found


def tables(module: Module) -> list[tuple[int, int]]:
    """(line, entries) of each literal list, set, tuple or dict with more than MAX_TABLE_ENTRIES entries."""
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Dict):
            entries = len(node.keys)
        elif isinstance(node, (ast.List, ast.Set, ast.Tuple)):
            entries = len(node.elts)
        else:
            continue
        if entries > MAX_TABLE_ENTRIES:
            found.append((node.lineno, entries))
    return found


MODULES = read_modules()


def test_the_whole_package_is_read():
    assert {"desktop.cli", "desktop.documents", "desktop.analysis.engine", "desktop.store", "desktop.ui.main_window"} <= set(MODULES)
    assert MODULES["desktop.analysis.engine"].imports  # the reading of imports finds something


def test_the_layers_import_only_downwards():
    wrong = []
    for module in MODULES.values():
        layer = layer_of(module.name)
        if layer is None:
            continue
        allowed = set(LAYERS[: LAYERS.index(layer) + 1])
        for other in module.imports:
            if layer_of(other) is not None and layer_of(other) not in allowed:
                wrong.append(f"{module.name} imports {other}")
            elif other.split(".")[1:2] in (["cli"], ["commands"]):
                wrong.append(f"{module.name} imports the command line ({other})")
    assert wrong == []


def test_no_import_cycles_not_even_for_type_hints():
    assert cycles(MODULES) == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_classes_are_small(name):
    module = MODULES[name]
    assert module.lines < MAX_MODULE_LINES, f"{module.path.relative_to(ROOT)}: {module.lines} lines"
    big = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(module.tree)
           if isinstance(n, ast.ClassDef) and n.end_lineno - n.lineno + 1 >= MAX_CLASS_LINES]
    assert big == []


def test_the_analysis_keeps_its_word_lists_in_data_files():
    found = {name: tables(m) for name, m in MODULES.items() if layer_of(name) == "analysis" and tables(m)}
    assert found == {}


# The checks themselves, on small packages written here, so each can be seen to fail.


def write_package(tmp_path: Path, files: dict[str, str]) -> dict[str, Module]:
    for relative, source in files.items():
        path = tmp_path / "desktop" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return read_modules(tmp_path / "desktop")


def test_a_cycle_through_a_type_hint_is_found(tmp_path):
    modules = write_package(tmp_path, {
        "__init__.py": "",
        "ui/__init__.py": "",
        "ui/window.py": "from desktop.ui.panel import Panel\n",
        "ui/panel.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop.ui.window import Window\n",
        "ui/other.py": "from . import panel\n",
    })
    assert modules["desktop.ui.other"].imports == {"desktop.ui.panel"}
    assert cycles(modules) == [["desktop.ui.panel", "desktop.ui.window"]]


def test_an_upward_import_is_found(tmp_path):
    modules = write_package(tmp_path, {"store/rows.py": "def f():\n    from desktop.ui.window import W\n", "ui/window.py": ""})
    assert modules["desktop.store.rows"].imports == {"desktop.ui.window"}
    assert layer_of("desktop.store.rows") == "store" and layer_of("desktop.ui.window") == "ui"


def test_a_table_in_code_is_found(tmp_path):
    entries = ", ".join(f'"w{i}"' for i in range(MAX_TABLE_ENTRIES + 1))
    modules = write_package(tmp_path, {"analysis/words.py": f"WORDS = {{{entries}}}\nFEW = ('a', 'b')\n"})
    assert tables(modules["desktop.analysis.words"]) == [(1, MAX_TABLE_ENTRIES + 1)]
