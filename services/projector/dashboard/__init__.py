"""The read-only dashboard: static pages over the projector's JSON API and its SSE feed."""
