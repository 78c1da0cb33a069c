"""The modules import one way: each only from modules below it in LAYERS."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scocoop

PACKAGE = Path(scocoop.__file__).parent

LAYERS = (
    "_once",
    "_errors",
    "_render",
    "_files",
    "_dates",
    "_validators",
    "_converter",
    "_states",
    "_country_names",
    "_countries",
    "_topics",
    "_extras",
    "_model",
    "_instruments",
    "_schema",
    "_wire",
    "_display",
    "_results",
    "_integrity",
    "_indexes",
    "_dataset",
    "_fast",
    "_io",
    "_changes",
    "_tables",
    "_coverage",
    "_info",
    "_pandas",
    "_panels",
    "_network",
    "_timeline",
    "_popolo",
    "_export",
    "_queries",
    "_cli",
    "__main__",
    "__init__",
)
"""scocoop's modules, lowest first."""

EXCEPTIONS = {
    # Dataset.to_pandas, .to_networkx and .plot_timeline: one-line delegates
    # for notebook users to the view functions above the dataset.
    ("_dataset", "_pandas"),
    ("_dataset", "_network"),
    ("_dataset", "_timeline"),
    # Results.to_pandas, the same for a query's answer.
    ("_results", "_pandas"),
}


def imports_of(module: str) -> set[str]:
    """Every scocoop module a module imports: at the top, in functions, under TYPE_CHECKING."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scocoop"):
            found.add(node.module.removeprefix("scocoop.").removeprefix("scocoop") or "__init__")
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("scocoop.") for a in node.names if a.name.startswith("scocoop."))
    return found


def test_every_module_has_a_layer() -> None:
    assert sorted(LAYERS) == sorted(p.stem for p in PACKAGE.glob("*.py"))


@pytest.mark.parametrize("module", LAYERS)
def test_module_imports_only_modules_below_it(module: str) -> None:
    rank = LAYERS.index(module)
    upward = sorted(
        imported
        for imported in imports_of(module)
        if LAYERS.index(imported) >= rank and (module, imported) not in EXCEPTIONS
    )
    assert [] == upward


def test_the_exceptions_are_still_needed() -> None:
    for module, imported in EXCEPTIONS:
        assert imported in imports_of(module)
