"""Background jobs: a queue interface over the persisted jobs table, and an in-process worker."""
