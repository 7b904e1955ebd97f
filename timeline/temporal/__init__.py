"""Find temporal expressions in English text and resolve them against a publication date."""

from .tagger import tag

__all__ = ["tag"]
