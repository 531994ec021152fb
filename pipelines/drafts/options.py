"""Options for drafting (env: WUTONG_DRAFTS_*)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipelines.drafts.models import CopyKind


class DraftOptions(BaseModel):
    """Length limits and generation settings for scripts and copy."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    announcement_max_chars: int = Field(300, ge=20)
    product_blurb_max_chars: int = Field(120, ge=20)
    follow_up_max_chars: int = Field(200, ge=20)
    clip_caption_max_chars: int = Field(80, ge=20)
    """Includes the hashtags."""
    default_tone: str = "亲切、实在"
    """The tone the model's rewrites aim for when a request names none."""
    max_tokens: int = Field(96, ge=16)
    """A cap per model call; a rewrite also stops near its move's length."""
    temperature: float = Field(0.3, ge=0.0, le=2.0)
    regenerate_once: bool = True
    """Ask the model once more when its rewrite fails the fact or voice check."""
    polish_moves: tuple[str, ...] = ("product.hook",)
    """Talk moves the model may rewrite for flow; the others are templates that already read well."""
    polish_slack_chars: int = Field(16, ge=0)
    """How much longer than the template move a rewrite may be."""
    rewrite_adlaw: bool = True
    """Rewrite flagged 《广告法》 terms out of the final text (flags are reported either way)."""
    caption_hashtags: tuple[str, ...] = ("社区团购",)
    """Standing hashtags added to clip captions after the product names."""
    max_hashtags: int = Field(3, ge=0, le=10)
    max_comment_requests: int = Field(6, ge=0)
    """How many mined requests from the last stream's comments go into the Q&A segment."""

    def max_chars(self, kind: CopyKind) -> int:
        return getattr(self, f"{kind}_max_chars")
