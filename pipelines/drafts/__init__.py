"""Drafts: live-stream scripts before a stream and marketing copy after it.

The structure and every fact come from the catalog and the inputs; the talk is built from talk
moves (prompts/drafts/moves.toml) with facts in their slots; the model may rewrite a move for flow,
kept only when the fact checker, the voice check and the 《广告法》 check all pass.
"""

from pipelines.drafts.comments import mine_comment_requests
from pipelines.drafts.copywriting import write_copy
from pipelines.drafts.grounding import Sources, check_grounding
from pipelines.drafts.markdown import render_script_markdown
from pipelines.drafts.models import (
    COPY_KINDS,
    CopyContext,
    CopyDraft,
    CopyKind,
    CopyRequest,
    Fact,
    GroundingReport,
    RecipeFinder,
    RecipeRef,
    Replacement,
    Script,
    ScriptRequest,
    ScriptSegment,
    SegmentKind,
)
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.recipes import parse_recipe_markdown, recipes_from_folder, recipes_from_search
from pipelines.drafts.script import build_script
from pipelines.drafts.voice import VoiceViolation, check_copy_voice, check_script_voice

__all__ = [
    "COPY_KINDS", "CopyContext", "CopyDraft", "CopyKind", "CopyRequest", "DraftOptions", "Fact", "GroundingReport",
    "RecipeFinder", "RecipeRef", "Replacement", "Script", "ScriptRequest", "ScriptSegment", "SegmentKind", "Sources",
    "build_script", "check_grounding", "mine_comment_requests", "parse_recipe_markdown", "recipes_from_folder",
    "recipes_from_search", "render_script_markdown", "write_copy", "VoiceViolation", "check_copy_voice",
    "check_script_voice",
]
