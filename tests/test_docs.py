"""Every example in the docstrings, the README and the docs runs as written."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import scocoop

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    ["scocoop"]
    + [f"scocoop.{m.name}" for m in pkgutil.iter_modules(scocoop.__path__) if m.name != "__main__"]
)
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS)
    assert 0 == result.failed


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_examples_run(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    result = doctest.testfile(str(path), module_relative=False, optionflags=FLAGS, encoding="utf-8")
    assert 0 == result.failed
