"""Glue between routes/jobs and pipelines: load from the store, call a pipeline, save the result."""
