"""Who produced an event: service name and package version, stamped in every envelope."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from schemas.envelope import Producer


def producer(service: str) -> Producer:
    try:
        package_version = version("sitrep")
    except PackageNotFoundError:  # running from a source tree that was never installed
        package_version = "0+unknown"
    return Producer(service=service, version=package_version)
