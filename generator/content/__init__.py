"""Stage 1: read the YAML and Markdown under ``content/`` and validate it into typed models.

``reader`` parses YAML keeping line numbers, ``models`` is the schema, ``posts``
reads the news posts, ``loader`` puts it all into one ``Content``, ``errors``
and ``fields`` turn problems into sentences an editor can act on.
"""

from .errors import ContentError, Problem
from .loader import Content, ContentFile, content_files, load_content, load_model

__all__ = ["Content", "ContentError", "ContentFile", "Problem", "content_files", "load_content", "load_model"]
