"""Long-running work off the request path: jobs that a task queue runs (Celery on Redis), or this
process's own threads when no Redis is configured (docs/operations.md, "Background work")."""
