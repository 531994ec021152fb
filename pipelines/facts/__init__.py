"""The one fact checker: numbers with units, days, allergens, negation and yes/no, checked against
the sources the same way for Q&A answers and drafts."""

from pipelines.facts.allergens import allergen_words, asked_allergens, canonical_names, is_allergy_question
from pipelines.facts.check import FactReport, Problem, check_statement
from pipelines.zh import Quantity

__all__ = ["FactReport", "Problem", "Quantity", "allergen_words", "asked_allergens", "canonical_names",
           "check_statement", "is_allergy_question"]
