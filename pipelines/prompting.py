"""Prompt templates as data files: one TOML file per prompt in prompts/, rendered with Jinja2.

A file declares `variables`, an optional `system` and a `user` template. Rendering with a
declared variable missing raises MissingPromptVariable, never a silently empty prompt.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import jinja2
from pydantic import BaseModel, ValidationError

from pipelines.errors import MissingPromptVariable, PromptError
from pipelines.llm.base import Message

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
_env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)


class PromptTemplate(BaseModel):
    name: str
    description: str = ""
    variables: list[str] = []
    system: str = ""
    user: str

    def render(self, **values: object) -> list[Message]:
        missing = [v for v in self.variables if v not in values]
        if missing:
            raise MissingPromptVariable(f"prompt '{self.name}' needs variable(s): {', '.join(missing)}")
        try:
            messages: list[Message] = []
            if self.system:
                messages.append({"role": "system", "content": _env.from_string(self.system).render(**values).strip()})
            messages.append({"role": "user", "content": _env.from_string(self.user).render(**values).strip()})
        except jinja2.UndefinedError as exc:
            raise MissingPromptVariable(f"prompt '{self.name}': {exc.message}") from exc
        return messages


@lru_cache(maxsize=64)
def load_prompt(name: str, prompts_dir: Path = PROMPTS_DIR) -> PromptTemplate:
    """Load `prompts/<name>.toml` (name may contain a sub-folder, e.g. 'drafts/script')."""
    path = prompts_dir / f"{name}.toml"
    if not path.is_file():
        raise PromptError(f"prompt template '{name}' not found in {prompts_dir}")
    try:
        return PromptTemplate(name=name, **tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise PromptError(f"prompt template '{name}' is invalid: {exc}") from exc
