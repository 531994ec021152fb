"""All configuration, from WUTONG_* environment variables, with offline defaults.

Nested sections are separated by two underscores: WUTONG_LLM__BASE_URL sets llm.base_url. The old
one-underscore names (WUTONG_LLM_BASE_URL) still work for one release (app/config_legacy.py).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from app.config_legacy import LegacyEnvSource
from app.config_sections import (
    BotOptions,
    ConsoleOptions,
    JobOptions,
    KnowledgeOptions,
    LimitOptions,
    UploadOptions,
)
from app.jobs.options import QueueOptions
from pipelines.asr import TranscribeOptions
from pipelines.clips import ClipOptions
from pipelines.drafts import DraftOptions
from pipelines.highlights import HighlightOptions
from pipelines.live import LiveOptions
from pipelines.llm.base import LLMOptions
from pipelines.qa.options import AskOptions

__all__ = ["BotOptions", "JobOptions", "KnowledgeOptions", "LimitOptions", "Settings", "UploadOptions",
           "get_settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WUTONG_", env_nested_delimiter="__", extra="ignore",
                                      use_attribute_docstrings=True)

    host: str = "127.0.0.1"
    """Address the API listens on."""
    port: int = 8000
    """Port the API listens on."""
    data_dir: Path = Path("var")
    """Media files, the knowledge base and (by default) the SQLite database."""
    database_url: str | None = None
    """SQLAlchemy URL of the metadata database; default: sqlite:///<data_dir>/wutong.db."""
    chroma_url: str | None = None
    """Chroma server (`chroma run`) for the knowledge base, http://host:port[/database]; default: embedded under data_dir."""
    media_dir: Path | None = None
    """Root of recordings, transcripts and clips; in scale-out mode one POSIX mount API and workers share; default: data_dir."""
    redis_url: str | None = None
    """Scale-out mode (redis://host:6379/0): jobs go to Dramatiq on this Redis for `wutong worker`; the API runs none."""
    model_dir: Path | None = None
    """Cache for the provisioned embedded models; default: <data_dir>/models."""
    default_api_key: SecretStr | None = None
    """Key for the `default` tenant created on first start; generated when unset."""
    seed_knowledge: bool = True
    """Seed the default tenant's knowledge base from knowledge/seed on first start."""
    jobs: JobOptions = JobOptions()
    queue: QueueOptions = QueueOptions()
    uploads: UploadOptions = UploadOptions()
    limits: LimitOptions = LimitOptions()
    console: ConsoleOptions = ConsoleOptions()
    kb: KnowledgeOptions = KnowledgeOptions()
    asr: TranscribeOptions = TranscribeOptions()
    llm: LLMOptions = LLMOptions()
    ask: AskOptions = AskOptions()
    bot: BotOptions = BotOptions()
    highlights: HighlightOptions = HighlightOptions()
    clips: ClipOptions = ClipOptions()
    drafts: DraftOptions = DraftOptions()
    live: LiveOptions = LiveOptions()

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource):
        return init_settings, env_settings, LegacyEnvSource(settings_cls), dotenv_settings, file_secret_settings

    @property
    def models_path(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'wutong.db').resolve()}"

    @property
    def files_root(self) -> Path:
        return self.media_dir or self.data_dir


@lru_cache
def get_settings() -> Settings:
    return Settings()
