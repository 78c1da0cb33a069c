"""The package draws its layers: subpackages in one order, and modules in one order within each."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scocoop

PACKAGE = Path(scocoop.__file__).parent

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("_core", ("once", "errors", "files", "dates", "validators", "converter", "render", "extras")),
    ("_countries", ("systems", "names", "codes")),
    ("_model", ("topics", "fields", "records", "instruments")),
    ("_dataset", ("display", "results", "integrity", "indexes", "dataset")),
    ("_io", ("schema", "wire", "fast", "jsonfile")),
    (
        "_views",
        (
            "changes",
            "tables",
            "coverage",
            "info",
            "frames",
            "panels",
            "network",
            "pictures",
            "popolo",
            "export",
        ),
    ),
    ("", ("_queries", "_cli", "__main__", "__init__")),
)
"""scocoop's subpackages, lowest first, each with its modules, lowest first ("" is the package itself)."""

ORDER = [f"{package}.{module}" if package else module for package, modules in LAYERS for module in modules]

EXCEPTIONS = {
    # Dataset.to_pandas, .to_networkx and .plot_timeline: one-line delegates
    # for notebook users to the view functions above the dataset.
    ("_dataset.dataset", "_views.frames"),
    ("_dataset.dataset", "_views.network"),
    ("_dataset.dataset", "_views.pictures"),
    # Results.to_pandas, the same for a query's answer.
    ("_dataset.results", "_views.frames"),
}


def _path(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")).with_suffix(".py")


def imports_of(module: str) -> set[str]:
    """Every scocoop module a module imports: at the top, in functions, under TYPE_CHECKING."""
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scocoop"):
            name = node.module.removeprefix("scocoop").removeprefix(".")
            if name in {package for package, _ in LAYERS}:  # from scocoop._io import fast
                found.update(f"{name}.{alias.name}" for alias in node.names)
            else:
                found.add(name or "__init__")
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("scocoop.") for a in node.names if a.name.startswith("scocoop."))
    return found


def test_every_module_has_a_layer() -> None:
    on_disk = {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if p.name != "__init__.py" or p.parent == PACKAGE
    }
    assert sorted(ORDER) == sorted(on_disk)


def test_subpackages_hold_nothing_but_their_modules() -> None:
    for package, _ in LAYERS[:-1]:
        assert "" == (PACKAGE / package / "__init__.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("module", ORDER)
def test_module_imports_only_modules_below_it(module: str) -> None:
    rank = ORDER.index(module)
    upward = sorted(
        imported
        for imported in imports_of(module)
        if ORDER.index(imported) >= rank and (module, imported) not in EXCEPTIONS
    )
    assert [] == upward


def test_the_exceptions_are_still_needed() -> None:
    for module, imported in EXCEPTIONS:
        assert imported in imports_of(module)
