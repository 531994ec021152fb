"""First-start set-up: the `default` tenant and its key."""

from __future__ import annotations

import logging
import os

from app.context import AppContext
from app.store.tenants import Tenant, count_tenants, create_tenant

log = logging.getLogger("wutong")
DEFAULT_TENANT = "default"


def ensure_default_tenant(ctx: AppContext) -> Tenant | None:
    """Create the default tenant when there is none; return it when it was just created.

    The key is WUTONG_DEFAULT_API_KEY when set, otherwise generated and written to
    <data_dir>/default-api-key (mode 0600) so the operator can find it again."""
    if count_tenants(ctx.db) > 0:
        return None
    configured = ctx.settings.default_api_key
    tenant, key = create_tenant(ctx.db, DEFAULT_TENANT, configured.get_secret_value() if configured else None)
    if configured is None:
        path = ctx.settings.data_dir / "default-api-key"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key + "\n")
        os.chmod(path, 0o600)
        print(f"Created tenant 'default'. API key (also in {path}):\n  {key}", flush=True)
    return tenant
