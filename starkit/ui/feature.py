"""Import a library feature for a page, or say plainly that this build lacks it.

The pages are built against the library's public API; a feature module that is missing (an
older or partial install) must not crash the whole app, only the part of the page that needs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_module(name: str) -> ModuleType | None:
    """`importlib.import_module(name)`, or None when that starkit module itself is missing.

    A missing third-party dependency inside the module still raises: that is a broken install,
    not an absent feature.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name) and exc.name.startswith("starkit"):
            return None
        raise
