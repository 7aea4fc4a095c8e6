"""Rendering: turn core results into documents (text, Rich, Markdown) or data (JSON, YAML)."""
