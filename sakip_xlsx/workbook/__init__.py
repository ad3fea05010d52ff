"""The input workbook: the streaming grid and container checks, the schema-driven reader,
the review remarks, and the rows a new isian is written from (rollover, SIPD)."""
