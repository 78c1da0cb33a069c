from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

import pytest

import scocoop
from sample import sample_dataset

ROOT = Path(__file__).resolve().parents[1]


def test_checksum_is_that_of_the_shipped_file() -> None:
    shipped = (resources.files("scocoop") / "data" / "scocoop.json").read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == scocoop.dataset_info()["sha256"]


def test_info_counts_records_citations_and_quotes() -> None:
    ds = sample_dataset()
    info = scocoop.dataset_info(ds)
    assert "test" == info["data_version"]
    assert {name: len(getattr(ds, name)) for name in info["records"]} == info["records"]
    cited = [c for r in ds if not isinstance(r, scocoop.Source) for c in r.sources]
    cited += [c for o in ds.organizations for m in o.memberships for c in m.sources]
    assert len(cited) == info["citations"]
    assert sum(1 for c in cited if c.quote) == info["quotes"]
    assert [s.id for s in ds.sources] == [s["id"] for s in info["sources"]]
    assert {"code": "MIT", "data": "CC-BY-4.0"} == info["licenses"]


def test_an_unknown_citation_style_is_refused() -> None:
    with pytest.raises(ValueError, match="'apa'"):
        scocoop.cite(format="apa")  # type: ignore[arg-type]


@pytest.mark.skipif(not (ROOT / "CITATION.cff").is_file(), reason="run from a source checkout")
def test_citation_file_gives_the_package_version() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    found = re.search(r"^version: (\S+)$", text, re.MULTILINE)
    assert found is not None
    assert scocoop.__version__ == found.group(1)


@pytest.mark.skipif(not (ROOT / "CITATION.cff").is_file(), reason="run from a source checkout")
def test_citation_file_gives_the_bundled_data_version() -> None:
    text = " ".join((ROOT / "CITATION.cff").read_text(encoding="utf-8").split())
    assert f"data version {scocoop.load().data_version}." in text


def test_the_title_and_licences_are_stated_once_and_the_files_agree() -> None:
    from pathlib import Path

    from scocoop._views.info import DATA_LICENSE, LICENSES, TITLE

    root = Path(__file__).resolve().parents[1]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nlicense = "{LICENSES["code"]} AND {LICENSES["data"]}"\n' in pyproject
    assert DATA_LICENSE["name"] == LICENSES["data"]
    citation = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert f'title: "{TITLE}"' in citation
