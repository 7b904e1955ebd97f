"""timeline: turn news articles into a dated, source-linked timeline."""
