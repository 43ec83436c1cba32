"""Editor tools beside the pipeline: content lint, JSON Schema export, the editor guide's field reference."""
