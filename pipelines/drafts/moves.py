"""Talk moves as data (prompts/drafts/moves.toml): several phrasings per move, slots filled by code.

A phrasing is picked by a stable hash of the move and a key (usually the SKU), so two products
in one script do not open with the same sentence, and the same request always reads the same.
"""

from __future__ import annotations

import string
import tomllib
import zlib
from functools import lru_cache
from pathlib import Path

from pipelines.errors import MissingPromptVariable, PromptError
from pipelines.prompting import PROMPTS_DIR

MOVES_FILE = PROMPTS_DIR / "drafts" / "moves.toml"


@lru_cache(maxsize=4)
def load_moves(path: Path = MOVES_FILE) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PromptError(f"talk moves '{path}' are unreadable: {exc}") from exc


def phrasings(section: str, move: str) -> list[str]:
    """The phrasings of `move` in `section` ('script.product', 'copy.announcement', ...)."""
    table = load_moves()
    for part in section.split("."):
        table = table.get(part, {})
    found = table.get(move)
    if not found:
        raise PromptError(f"talk move '{section}.{move}' is missing from {MOVES_FILE.name}")
    return list(found)


def slots_of(phrasing: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrasing) if name}


def fill(phrasing: str, values: dict[str, str]) -> str:
    missing = slots_of(phrasing) - values.keys()
    if missing:
        raise MissingPromptVariable(f"talk move needs slot(s): {', '.join(sorted(missing))}")
    return phrasing.format_map(values)


def say(section: str, move: str, key: str = "", **values: str) -> str:
    """One phrasing of the move, chosen by `key`, with its slots filled."""
    options = phrasings(section, move)
    pick = zlib.crc32(f"{section}.{move}:{key}".encode()) % len(options)
    return fill(options[pick], values)


def say_nth(section: str, move: str, index: int, **values: str) -> str:
    """The phrasing at `index` (wrapping): for moves said once per product in a row."""
    options = phrasings(section, move)
    return fill(options[index % len(options)], values)


def uses_by_tag() -> dict[str, str]:
    """How a product is eaten or used at home, by catalog tag."""
    return dict(load_moves().get("uses", {}))
