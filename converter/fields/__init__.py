"""Stage 3: field extractors, one module per field group, each reading lines and blocks."""
