from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=30, deadline=None)
settings.register_profile(
    "thorough", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("SCOCOOP_HYPOTHESIS_PROFILE", "default"))

SHARED_SOURCES = Path(
    os.environ.get("SCOCOOP_SOURCES", Path(__file__).resolve().parents[1].parent / "shared" / "sources")
)


@pytest.fixture(scope="session")
def source_texts() -> dict[str, str]:
    """The bundled source documents by dataset source id, whitespace-normalised.

    The documents live beside the repository (``../shared/sources``), not in
    the package; tests that need them are skipped where they are absent.
    """
    files = {
        "kazinform-2022-08-18-sco-interior-ministers": "000_1fec1364dbd3bca4.txt",
        "kazinform-2019-08-09-central-asian-interior-ministers": "001_ce916e62e6b53b08.txt",
        "bnews-2018-09-21-sco-prosecutors-general": "002_1119105237d01fed.txt",
        "report-2013-cis-cmia-astana": "003_5ed12396a1f8933f.txt",
        "kz-gpo-2016-11-30-sco-prosecutors-general": "004_f2eabe2890162440.txt",
    }
    if not SHARED_SOURCES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the source documents are missing from {SHARED_SOURCES}")
        pytest.skip("the source documents (../shared/sources) are not present")
    return {
        source_id: " ".join((SHARED_SOURCES / name).read_text(encoding="utf-8").split())
        for source_id, name in files.items()
    }
