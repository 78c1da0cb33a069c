"""Every example in the docstrings, the README and the docs runs as written."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path
from typing import Any

import pytest

import scocoop

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    ["scocoop"]
    + [m.name for m in pkgutil.walk_packages(scocoop.__path__, "scocoop.") if not m.name.endswith("__main__")]
)
WITH_EXAMPLES = {
    "scocoop",
    "scocoop._core.dates",
    "scocoop._countries.codes",
    "scocoop._dataset.dataset",
    "scocoop._views.info",
}
"""The modules whose docstrings show how they are used; the sweep fails if one loses its examples."""
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


class _Finder(doctest.DocTestFinder):
    """Finds a module's examples even where its public objects already say they belong to ``scocoop``."""

    def _from_module(self, module: Any, object: Any) -> bool:
        published = getattr(object, "__module__", None) == "scocoop"
        exported = getattr(object, "__name__", None) in getattr(module, "__all__", ())
        return bool(super()._from_module(module, object)) or (published and exported)  # type: ignore[misc]


def _run(module: Any) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in _Finder().find(module, module.__name__):
        runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = _run(importlib.import_module(name))
    assert 0 == result.failed
    if name in WITH_EXAMPLES:
        assert result.attempted > 0, f"{name} should show examples and has none"


def test_every_module_meant_to_have_examples_exists() -> None:
    assert set(MODULES) >= WITH_EXAMPLES


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_examples_run(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    result = doctest.testfile(str(path), module_relative=False, optionflags=FLAGS, encoding="utf-8")
    assert 0 == result.failed
