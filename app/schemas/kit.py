from __future__ import annotations

from pydantic import BaseModel, Field

from app.schemas.clips import ClipPublic
from app.schemas.highlights import HighlightPublic
from app.schemas.jobs import JobPublic
from app.services.kit import KitView


class KitCreate(BaseModel):
    clips: int = Field(default=5, ge=0, le=20, description="how many of the best highlights to render")
    refresh_highlights: bool = Field(default=False, description="find highlights again even if some exist")

    def job_params(self) -> dict:
        return self.model_dump()


class KitClipPublic(ClipPublic):
    title: str | None = Field(description="the highlight's title")
    caption: str | None = Field(description="the short-video caption, once written")


class KitPublic(BaseModel):
    recording_id: str
    transcribed: bool
    transcript_url: str | None = Field(description="the transcript (append ?format=srt for subtitles)")
    highlights: list[HighlightPublic]
    clips: list[KitClipPublic]
    follow_up: str | None = Field(description="the follow-up post for the group, once written")
    zip_url: str
    job: JobPublic | None = Field(description="the newest kit job of this recording, if any")

    @classmethod
    def of(cls, view: KitView) -> KitPublic:
        rec_id = view.recording_id
        return cls(
            recording_id=rec_id, transcribed=view.transcribed,
            transcript_url=f"/v1/recordings/{rec_id}/transcript" if view.transcribed else None,
            highlights=[HighlightPublic.model_validate(h, from_attributes=True) for h in view.highlights],
            clips=[KitClipPublic(**ClipPublic.of(c.clip).model_dump(), caption=c.caption,
                                 title=c.highlight.title if c.highlight else None) for c in view.clips],
            follow_up=view.follow_up, zip_url=f"/v1/recordings/{rec_id}/kit.zip",
            job=JobPublic.of(view.job) if view.job else None)
