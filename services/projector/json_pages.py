"""A page of read-model documents as an HTTP response, sent as the JSON text Redis holds.

Statements and strikes are stored in the API's shape (the read models' tests check it
against the response models), so re-parsing and re-validating each on every request would
only spend time: a page of 50 merged strikes is hundreds of kB.
"""

from __future__ import annotations

import json

from fastapi import Response

from services.projector.queries import PageOf


def page_response(page: PageOf) -> Response:
    items = page.raw if page.shape is None else [json.dumps(item) for item in page.items]
    body = '{"items":[' + ",".join(items) + '],"next_cursor":' + json.dumps(page.next_cursor) + "}"
    return Response(body, media_type="application/json")
