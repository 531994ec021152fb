"""Start-up: sweep what a crash left behind, the `default` tenant and its key, one-off backfills."""

from __future__ import annotations

import logging
import os

from app.context import AppContext
from app.files import sweep
from app.services import tenants
from app.store.tenants import Tenant

log = logging.getLogger("wutong")
DEFAULT_TENANT = "default"


def start(ctx: AppContext) -> None:
    """Everything create_app() does before serving (the database was migrated by AppContext.create)."""
    if swept := sweep(ctx.files.root, ctx.settings.jobs.lifetime_s):
        log.warning("swept %d temp file(s) and half-rendered clip folder(s) left by an earlier run", swept)
    if ctx.adopted_legacy_db:  # the catalog table is new: fill it from what the knowledge base indexed
        for summary in tenants.list_tenants(ctx):
            ctx.queue.enqueue(summary.tenant.id, "catalog_backfill", {})
    if (tenant := ensure_default_tenant(ctx)) and ctx.settings.seed_knowledge:
        ctx.queue.enqueue(tenant.id, "seed_knowledge", {})


def ensure_default_tenant(ctx: AppContext) -> Tenant | None:
    """Create the default tenant when there is none; return it when it was just created.

    The key is WUTONG_DEFAULT_API_KEY when set, otherwise generated and written to
    <data_dir>/default-api-key (mode 0600) so the operator can find it again."""
    if tenants.list_tenants(ctx):
        return None
    configured = ctx.settings.default_api_key
    tenant, key = tenants.create_tenant(ctx, DEFAULT_TENANT, configured.get_secret_value() if configured else None)
    if configured is None:
        path = ctx.settings.data_dir / "default-api-key"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key + "\n")
        os.chmod(path, 0o600)
        print(f"Created tenant 'default'. API key (also in {path}):\n  {key}", flush=True)
    return tenant
