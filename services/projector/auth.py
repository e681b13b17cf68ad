"""Which API keys the projector's routes need: reads SITREP_READ_API_KEY (when set; a
write key reads too), writes SITREP_API_KEY."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.params import Depends as DependsParam

from services.common.api_keys import require_key
from services.common.settings import Settings


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.runtime.settings
    return settings


def read_keys(request: Request) -> frozenset[str]:
    settings = _settings(request)
    read = settings.read_keys()
    return read | settings.write_keys() if read else frozenset()


def write_keys(request: Request) -> frozenset[str]:
    return _settings(request).write_keys()


READ: list[DependsParam] = [Depends(require_key(read_keys))]
WRITE: list[DependsParam] = [Depends(require_key(write_keys))]
