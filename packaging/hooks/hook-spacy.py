"""PyInstaller hook for spaCy, replacing the contrib one (which collects every submodule, tests included).

spaCy fills its registries by importing its own submodules, so all of them are collected, except its
test suite and the language packages the English pipeline never touches.
"""

from __future__ import annotations

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, get_package_paths

# English for the pipeline, plus the languages spaCy itself imports while it fills its registries
# (spacy/registrations.py: ja, ko, th, vi, zh; the training converters: xx). Each of those imports its
# third-party tokenizer only when a pipeline of that language is created, so keeping them costs little.
KEPT_LANGUAGES = frozenset({"en", "xx", "ja", "ko", "th", "vi", "zh"})

_lang_dir = Path(get_package_paths("spacy")[1]) / "lang"
DROPPED_LANGUAGES = sorted(
    p.name for p in _lang_dir.iterdir() if (p / "__init__.py").exists() and p.name not in KEPT_LANGUAGES
)


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if "tests" in parts:
        return False
    return not (len(parts) >= 3 and parts[1] == "lang" and parts[2] in DROPPED_LANGUAGES)


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files(
    "spacy",
    excludes=["tests/**", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.h", "**/*.cpp"]
    + [f"lang/{lang}/**" for lang in DROPPED_LANGUAGES],
)
excludedimports = ["spacy.tests"] + [f"spacy.lang.{lang}" for lang in DROPPED_LANGUAGES]
