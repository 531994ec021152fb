"""All configuration, from WUTONG_* environment variables, with offline defaults.

Nested sections use one underscore after their name: WUTONG_LLM_BASE_URL sets llm.base_url.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipelines.asr import TranscribeOptions
from pipelines.clips import ClipOptions
from pipelines.drafts import DraftOptions
from pipelines.highlights import HighlightOptions
from pipelines.llm.base import LLMOptions
from pipelines.qa.options import AskOptions


class BotOptions(BaseModel):
    """The group-bot webhook (env: WUTONG_BOT_*)."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    mentions: list[str] = ["@梧桐", "@团长助手", "梧桐梧桐"]
    """A message is for the bot when it contains one of these (JSON list in the env var)."""
    rate_per_minute: int = 10
    """Answers per group per minute; more get 429."""
    max_skew_s: int = 300
    """Reject messages whose `ts` is further than this from now (replays)."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WUTONG_", env_nested_delimiter="_", env_nested_max_split=1, extra="ignore",
        use_attribute_docstrings=True,
    )

    host: str = "127.0.0.1"
    """Address the API listens on."""
    port: int = 8000
    """Port the API listens on."""
    data_dir: Path = Path("var")
    """SQLite database and media files."""
    model_dir: Path | None = None
    """Cache for the provisioned embedded models; default: <data_dir>/models."""
    max_upload_mb: int = 2048
    """Largest accepted upload (recordings, documents)."""
    default_api_key: SecretStr | None = None
    """Key for the `default` tenant created on first start; generated when unset."""
    job_concurrency: int = 1
    """Heavy jobs run at once by the in-process worker (2 cores: one)."""
    seed_knowledge: bool = True
    """Seed the default tenant's knowledge base from knowledge/seed on first start."""
    asr: TranscribeOptions = TranscribeOptions()
    llm: LLMOptions = LLMOptions()
    ask: AskOptions = AskOptions()
    bot: BotOptions = BotOptions()
    highlights: HighlightOptions = HighlightOptions()
    clips: ClipOptions = ClipOptions()
    drafts: DraftOptions = DraftOptions()

    @property
    def models_path(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "wutong.db"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"


@lru_cache
def get_settings() -> Settings:
    return Settings()
