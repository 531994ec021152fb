"""The scale-out stack on one machine: real PostgreSQL, Redis and Chroma server processes on loopback,
started from Debian's packages and the project's venv (for tests, `wutong cluster` and `make cluster`)."""
