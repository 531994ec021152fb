"""Demand from a live stream: buying comments per product, unmet requests, top questions, a PNG card."""

from pipelines.demand.models import (
    DemandReport,
    Handoff,
    IntentComment,
    ProductSegment,
    SkuDemand,
    TopQuestion,
    UnmetRequest,
)
from pipelines.demand.report import build_demand

__all__ = ["DemandReport", "Handoff", "IntentComment", "ProductSegment", "SkuDemand", "TopQuestion", "UnmetRequest",
           "build_demand"]
