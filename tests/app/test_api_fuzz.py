"""schemathesis against the service's own OpenAPI schema: every documented operation, authenticated as a
tenant, with all default checks. Zero 5xx and zero contract failures (undocumented statuses, responses
off their schema, valid requests refused). Fixed seed and bounded examples so it is repeatable and quick;
operations that run a model or media work on every call are left out (their own tests cover them)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance

from app.config import LimitOptions, Settings
from app.main import create_app
from tests.utils.paths import REPO

KEY = "fuzz-key"
HEAVY = (r"^/v1/(ask|drafts/|audio/|bot/webhook|live|recordings/\{recording_id\}/(transcribe|kit)"
         r"|highlights/\{highlight_id\}/clip)")
CONFIG = {
    "seed": 20261206,
    "generation": {"max-examples": 12, "deterministic": True},
    "phases": {"stateful": {"enabled": False}},
    "auth": {"openapi": {"HTTPBearer": {"bearer": KEY}}},
    # 413 is a rejection too: a body over the size limit is refused before it is read
    "checks": {"negative_data_rejection": {"expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422,
                                                                  428, 429]}},
}
# Whether an upload or a live source is acceptable depends on its content, which no schema can state: a
# schema-valid but unreadable file is rightly refused (400/415), so these operations skip that one check.
CONTENT_CHECKED = ("POST /v1/recordings", "POST /v1/recordings/{recording_id}/comments", "POST /v1/products",
                   "POST /v1/knowledge/documents", "POST /v1/live")
# The schema is loaded when the module is collected (schemathesis' fixture-based loader does not run on
# pytest 9), so the service lives in its own temporary folder, removed after the module's tests.
DATA_DIR = Path(tempfile.mkdtemp(prefix="wutong-fuzz-"))
SETTINGS = Settings(data_dir=DATA_DIR, model_dir=Path(os.environ.get("WUTONG_MODEL_DIR", REPO / "var" / "models")),
                    default_api_key=KEY, seed_knowledge=False,
                    limits=LimitOptions(ask_per_minute=10_000, queued_jobs=10_000))
APP = create_app(SETTINGS, run_worker=False)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=schemathesis.Config.from_dict(CONFIG)).exclude(
    path_regex=HEAVY)


@pytest.fixture(scope="module", autouse=True)
def _remove_data_dir() -> Iterator[None]:
    yield
    shutil.rmtree(DATA_DIR, ignore_errors=True)


@schema.parametrize()
def test_api_contract(case: schemathesis.Case) -> None:
    content_checked = f"{case.method.upper()} {case.operation.path}" in CONTENT_CHECKED
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if content_checked else None)
