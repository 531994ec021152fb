from app.config_doc import env_vars, settings_table, table_in
from tests.utils.paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:2500]
    assert "make serve" in head and "make test" in head


def test_configuration_table_matches_settings() -> None:
    table = table_in(README)
    assert table == settings_table(), "README is stale: run `wutong config-table --update README.md`"
    assert all(f"`{name}`" in table for name in env_vars())
