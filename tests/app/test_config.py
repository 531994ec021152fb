"""Settings: nested sections by "__", the old one-underscore names for one release, every knob in one place."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.config_doc import env_vars
from app.config_legacy import legacy_names


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in env_vars() + list(legacy_names(Settings)):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("name", "value", "read"), [
    ("WUTONG_LLM__BASE_URL", "http://127.0.0.1:11434/v1", lambda s: s.llm.base_url),
    ("WUTONG_ASR__THREADS", "3", lambda s: s.asr.threads),
    ("WUTONG_BOT__MENTIONS", '["@小梧"]', lambda s: s.bot.mentions),
    ("WUTONG_UPLOADS__COMMENTS_MB", "5", lambda s: s.uploads.comments_mb),
    ("WUTONG_KB__CHUNK_CHARS", "300", lambda s: s.kb.chunk_chars),
    ("WUTONG_JOBS__LIFETIME_S", "60.5", lambda s: s.jobs.lifetime_s),
    ("WUTONG_DATABASE_URL", "postgresql://u@h/db", lambda s: s.db_url),
])
def test_nested_names(monkeypatch: pytest.MonkeyPatch, name: str, value: str, read) -> None:
    monkeypatch.setenv(name, value)
    assert str(read(Settings())).strip("[]'") == value.strip('[]"')


@pytest.mark.parametrize(("old", "value", "read"), [
    ("WUTONG_LLM_BASE_URL", "http://x/v1", lambda s: s.llm.base_url),
    ("WUTONG_HIGHLIGHTS_LLM_TITLES", "false", lambda s: s.highlights.llm_titles),
    ("WUTONG_BOT_MENTIONS", '["@小梧"]', lambda s: s.bot.mentions),
    ("WUTONG_MAX_UPLOAD_MB", "7", lambda s: s.uploads.recordings_mb),
    ("WUTONG_JOB_CONCURRENCY", "2", lambda s: s.jobs.concurrency),
])
def test_old_names_still_work(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, old: str,
                              value: str, read) -> None:
    monkeypatch.setenv(old, value)
    assert str(read(Settings())).lower().strip("[]'") == value.lower().strip('[]"')
    assert any(old in r.message for r in caplog.records)


def test_new_name_wins_over_old(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WUTONG_ASR_THREADS", "4")
    monkeypatch.setenv("WUTONG_ASR__THREADS", "3")
    monkeypatch.setenv("WUTONG_LLM_MODEL", "old-model")
    settings = Settings()
    assert settings.asr.threads == 3 and settings.llm.model == "old-model"


def test_every_knob_is_documented() -> None:
    names = env_vars()
    assert "WUTONG_LLM__BASE_URL" in names and "WUTONG_UPLOADS__CATALOG_MB" in names
    assert not [n for n in names if n.count("__") > 1]
