from pathlib import Path

import pytest

from pipelines.errors import MissingPromptVariable, PromptError
from pipelines.prompting import PROMPTS_DIR, load_prompt


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    (tmp_path / "greet.toml").write_text(
        'variables = ["name"]\nsystem = "你是助手"\nuser = "你好，{{ name }}"\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text('user = "{{ oops"\nvariables = 3\n', encoding="utf-8")
    return tmp_path


def test_render(prompts: Path) -> None:
    messages = load_prompt("greet", prompts).render(name="王阿姨")
    assert messages == [{"role": "system", "content": "你是助手"}, {"role": "user", "content": "你好，王阿姨"}]


def test_missing_variable_is_named(prompts: Path) -> None:
    with pytest.raises(MissingPromptVariable, match="name"):
        load_prompt("greet", prompts).render()


@pytest.mark.parametrize("name", ["broken", "absent"])
def test_bad_template_files(prompts: Path, name: str) -> None:
    with pytest.raises(PromptError):
        load_prompt(name, prompts)


DATA_FILES = {"drafts/moves.toml"}  # talk moves: data read by pipelines.drafts.moves, not a template


@pytest.mark.parametrize("path", sorted(p for p in PROMPTS_DIR.rglob("*.toml")
                                        if str(p.relative_to(PROMPTS_DIR)) not in DATA_FILES),
                         ids=lambda p: str(p.relative_to(PROMPTS_DIR)))
def test_every_shipped_prompt_loads(path: Path) -> None:
    name = str(path.relative_to(PROMPTS_DIR).with_suffix(""))
    template = load_prompt(name)
    assert template.user and all(f"{v}" in template.system + template.user for v in template.variables)


def test_talk_moves_load() -> None:
    from pipelines.drafts.moves import load_moves

    def leaves(table: dict) -> list[list]:
        return [v for v in table.values() if isinstance(v, list)] + \
            [leaf for v in table.values() if isinstance(v, dict) for leaf in leaves(v)]

    moves = load_moves()
    found = leaves(moves)
    assert len(found) >= 10 and all(p and all(isinstance(x, str) and x.strip() for x in p) for p in found)
    # product moves are said once per product: several phrasings, so no sentence repeats in a script
    assert all(len(p) >= 2 for p in moves["script"]["product"].values())
