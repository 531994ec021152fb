"""Wutong's HTTP service and CLI: validates, enqueues, serialises. The work lives in pipelines/."""
