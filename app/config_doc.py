"""The README's configuration table, generated from Settings so the two cannot drift."""

from __future__ import annotations

from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo

from app.config import Settings


def _default(field: FieldInfo) -> str:
    value = field.get_default(call_default_factory=True)
    if isinstance(value, SecretStr):
        return "(secret)"
    if value is None:
        return "(unset)"
    return f"`{value}`" if value != "" else '`""`'


def _rows(model: type[BaseModel], prefix: str) -> list[tuple[str, str, str]]:
    rows = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            rows += _rows(annotation, f"{prefix}{name.upper()}__")
        else:
            rows.append((f"{prefix}{name.upper()}", _default(field), (field.description or "").strip()))
    return rows


def env_vars() -> list[str]:
    return [name for name, _, _ in _rows(Settings, "WUTONG_")]


def settings_table() -> str:
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    lines += [f"| `{n}` | {d} | {m} |" for n, d, m in _rows(Settings, "WUTONG_")]
    return "\n".join(lines)


START, END = "<!-- config-table:start -->\n", "<!-- config-table:end -->"


def table_in(readme: str) -> str:
    return readme.split(START, 1)[1].split(END, 1)[0].strip()


def replace_table(readme: str) -> str:
    head, rest = readme.split(START, 1)
    return head + START + settings_table() + "\n" + END + rest.split(END, 1)[1]
