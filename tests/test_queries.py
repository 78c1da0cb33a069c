"""The module-level queries are the Dataset methods over the bundled data."""

from __future__ import annotations

import inspect

import pytest

import scocoop
from scocoop import Dataset, _queries

QUERIES = _queries.__all__


@pytest.mark.parametrize("name", QUERIES)
def test_module_query_has_the_signature_of_its_method(name: str) -> None:
    method = inspect.signature(getattr(Dataset, name))
    without_self = method.replace(parameters=list(method.parameters.values())[1:])
    assert without_self == inspect.signature(getattr(scocoop, name))


@pytest.mark.parametrize("name", QUERIES)
def test_module_query_shows_its_methods_whole_docstring(name: str) -> None:
    query = getattr(scocoop, name)
    method_doc = inspect.cleandoc(getattr(Dataset, name).__doc__)
    assert query.__doc__.startswith(method_doc)
    assert "bundled dataset" in query.__doc__.splitlines()[-1]
    assert (name, "scocoop") == (query.__name__, query.__module__)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("initiatives_on", ("terrorism",)),
        ("meetings_between", ("2016", "2018")),
        ("meetings_by_country", ("KZ",)),
        ("meetings_of", ("sco",)),
        ("members_of", ("sco", "2020-01-01")),
        ("officials_of", ("KZ", "2019-08-09")),
    ],
)
def test_module_query_answers_as_the_bundled_dataset(name: str, args: tuple[str, ...]) -> None:
    bundled = scocoop.load()
    assert getattr(bundled, name)(*args) == getattr(scocoop, name)(*args)


@pytest.mark.parametrize("name", ["to_pandas", "to_networkx", "plot_timeline"])
def test_notebook_delegates_take_what_their_functions_take(name: str) -> None:
    method = inspect.signature(getattr(Dataset, name))
    function = inspect.signature(getattr(scocoop, name))
    assert list(method.parameters)[1:] == list(function.parameters)[1:]
    for parameter in list(function.parameters.values())[1:]:
        assert parameter.default == method.parameters[parameter.name].default, parameter.name
    assert f":func:`scocoop.{name}`" in (getattr(Dataset, name).__doc__ or "")
