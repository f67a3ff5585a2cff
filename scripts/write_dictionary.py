"""Write data/DATAORDBOG.md from the schema (kulturensrige.render.dictionary.as_markdown).

Usage: python scripts/write_dictionary.py [DATA_DIR]   (default: data/)
tests/test_templates.py fails while the committed file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kulturensrige.render.dictionary import as_markdown  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "data"
    path = folder / "DATAORDBOG.md"
    text = as_markdown()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        print(f"{path} er opdateret.")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"Skrevet: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
