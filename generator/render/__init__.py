"""Stage 3: view models through Jinja templates into Markdown pages and the other generated files.

``pages`` renders every page kind of the registry, ``calendar`` and ``feeds``
the .ics and RSS/JSON files, ``outputs`` gathers them for MkDocs (in memory) or
for ``python -m generator render --out DIR`` (on disk).
"""
