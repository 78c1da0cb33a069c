from __future__ import annotations

import subprocess
import sys

import scocoop


def test_all_is_sorted_complete_and_importable() -> None:
    public = {name for name in dir(scocoop) if not name.startswith("_")}

    # Sorted as isort and ruff sort it: constants, then classes, then functions.
    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert sorted(scocoop.__all__, key=kind) == scocoop.__all__
    assert public == set(scocoop.__all__)
    for name in scocoop.__all__:
        assert getattr(scocoop, name) is not None


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert scocoop.__version__ == version("scocoop")


def test_import_reads_no_data_and_imports_no_optional_library() -> None:
    code = (
        "import sys, scocoop, scocoop._io.jsonfile as io, scocoop._model.topics as t\n"
        "import scocoop._countries.names as n\n"
        "assert not io._bundled.built, 'dataset loaded at import'\n"
        "assert not t._vocabulary.built, 'topics loaded at import'\n"
        "assert not n.name_tables.built, 'countries loaded at import'\n"
        "import scocoop._countries.systems as s\n"
        "assert not s.periods.built, 'state lists loaded at import'\n"
        "optional = {'pandas', 'networkx', 'matplotlib', 'pyarrow', 'orjson', 'msgspec'}\n"
        "lazy = {'cattrs', 'pycountry', 'dateutil', 'difflib', 'tempfile', 'importlib.metadata',\n"
        "        'importlib.resources'}\n"
        "heavy = (optional | lazy) & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_imports_no_module_of_the_package_until_a_name_is_used() -> None:
    code = (
        "import sys, scocoop\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('scocoop'))\n"
        "assert loaded == ['scocoop'], loaded\n"
        "scocoop.loads\n"
        "assert 'scocoop._io.jsonfile' in sys.modules and 'scocoop._views.network' not in sys.modules\n"
        "# The names of every module imported on the way say they belong to scocoop,\n"
        "# before they are looked up: an error raised by loads shows as scocoop.DataError.\n"
        "errors = sys.modules['scocoop._core.errors']\n"
        "assert errors.DataError.__module__ == 'scocoop', errors.DataError.__module__\n"
        "assert sys.modules['scocoop._model.records'].Meeting.__module__ == 'scocoop'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_names_looked_up_on_use_are_those_type_checkers_read() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(scocoop.__file__).read_text(encoding="utf-8"))
    checked = {
        (node.module, alias.name)
        for block in tree.body
        if isinstance(block, ast.If)
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("scocoop.")
        for alias in node.names
    }
    assert checked == {(home, name) for name, home in scocoop._HOMES.items()}
    assert set(scocoop._HOMES) == set(scocoop.__all__)


def test_import_opens_no_file_of_the_package() -> None:
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' else None)\n"
        "import scocoop\n"
        "data = [p for p in opened if 'scocoop' in p and not p.endswith(('.py', '.pyc'))]\n"
        "assert not data, data\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_bundled_country_codes_are_pycountrys() -> None:
    import pycountry

    from scocoop._countries.codes import alpha2_codes

    assert {c.alpha_2 for c in pycountry.countries} == alpha2_codes()


def test_the_package_ships_its_data_and_type_marker() -> None:
    from importlib import resources

    root = resources.files("scocoop")
    data = root / "data"
    for path in (root / "py.typed", data / "scocoop.json", data / "topics.json"):
        assert path.is_file(), path
