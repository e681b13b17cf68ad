"""One structlog configuration for every service: JSON lines, or a console renderer on a TTY.

Standard-library records (FastStream, uvicorn) go through the same renderer, so a
service's output is one format that a log shipper can parse.
"""

from __future__ import annotations

import logging
import sys

import structlog

# FastStream logs every message received and processed; that belongs at DEBUG here.
FASTSTREAM_MESSAGE_LEVEL = logging.DEBUG


def configure_logging(level: str = "INFO", fmt: str = "auto") -> None:
    """Call once, from a service's composition root; bind `correlation_id` per message."""
    as_json = fmt == "json" or (fmt == "auto" and not sys.stderr.isatty())
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if as_json else structlog.dev.ConsoleRenderer()
    )
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelNamesMapping()[level]),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def faststream_logger() -> logging.Logger:
    """The logger FastStream gets: a plain stdlib logger, rendered by the root handler."""
    return logging.getLogger("sitrep.faststream")
