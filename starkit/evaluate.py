"""Thin shim: `python -m starkit.evaluate` runs `tools/evaluate.py` of a source checkout.

The evaluation code and the labelled data live outside the installed package; an installed
wheel has neither, and says so in one line.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "tools" / "evaluate.py"


def main() -> int:
    """Run tools/evaluate.py with this process's arguments."""
    if not TOOL.is_file():
        print(
            "starkit.evaluate: error: the evaluation ships with the source checkout only; "
            "run `python tools/evaluate.py` there",
            file=sys.stderr,
        )
        return 2
    sys.argv[0] = str(TOOL)
    runpy.run_path(str(TOOL), run_name="__main__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
