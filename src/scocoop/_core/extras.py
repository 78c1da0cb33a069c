"""Optional dependencies: imported where a feature needs them, with a clear error if missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from scocoop._core.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, extra, module.partition(".")[0]) from exc
