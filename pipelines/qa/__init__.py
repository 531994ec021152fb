"""Resident Q&A over a tenant's knowledge base: short, cited, grounded answers, or a hand-off."""

from pipelines.qa.answer import Answer, Source, answer_question
from pipelines.qa.cache import AnswerCache
from pipelines.qa.options import AskOptions
from pipelines.qa.screen import screen_question

__all__ = ["Answer", "AnswerCache", "AskOptions", "Source", "answer_question", "screen_question"]
