"""Sphinx configuration of the scocoop documentation."""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path

from sphinx.application import Sphinx

project = "scocoop"
author = "The scocoop developers"
copyright = "the scocoop developers; code MIT, data CC BY 4.0"
release = _version("scocoop")
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated/*.md"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "furo"
html_title = f"scocoop {release}"

GENERATED = Path(__file__).parent / "_generated"


def _figures(app: Sphinx) -> None:
    # The figures are drawn from the bundled data at every build, so they
    # cannot drift from it.
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    import scocoop

    GENERATED.mkdir(exist_ok=True)
    dataset = scocoop.load()
    for name, ax in (
        ("timeline", dataset.plot_timeline()),
        ("attendance-sco", scocoop.plot_attendance(dataset, "sco")),
        ("attendance-csto", scocoop.plot_attendance(dataset, "csto")),
    ):
        ax.figure.savefig(GENERATED / f"{name}.png", dpi=100)
        plt.close(ax.figure)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _figures)
