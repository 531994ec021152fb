"""Environment names from before nested sections used "__" (WUTONG_LLM_BASE_URL for llm.base_url),
still accepted for one release; a new name wins over its old one, and each old name in use is logged."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from pydantic import BaseModel
from pydantic_settings import PydanticBaseSettingsSource

log = logging.getLogger("wutong.config")
RENAMED = {"WUTONG_MAX_UPLOAD_MB": ("uploads", "recordings_mb"), "WUTONG_JOB_CONCURRENCY": ("jobs", "concurrency")}


def legacy_names(settings_cls: type[BaseModel]) -> dict[str, tuple[str, str]]:
    """Old variable name -> (section, field), for every field of every nested section."""
    names = dict(RENAMED)
    for section, info in settings_cls.model_fields.items():
        model = info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            names |= {f"WUTONG_{section}_{field}".upper(): (section, field) for field in model.model_fields}
    return names


def _decode(value: str) -> Any:
    if value.lstrip().startswith(("[", "{")):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


class LegacyEnvSource(PydanticBaseSettingsSource):
    def get_field_value(self, field, field_name: str) -> tuple[Any, str, bool]:  # required, unused
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        env = {k.upper(): v for k, v in os.environ.items() if k.upper().startswith("WUTONG_")}
        found: dict[str, dict[str, Any]] = {}
        for old, (section, field) in legacy_names(self.settings_cls).items():
            if old in env:
                found.setdefault(section, {})[field] = _decode(env[old])
                log.warning("%s is deprecated: use WUTONG_%s__%s", old, section.upper(), field.upper())
        return found
