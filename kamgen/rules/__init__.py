"""Method rules that a JSON Schema cannot express, one module per input kind.

Each module has ``check(data) -> Iterable[Problem]``. The data has been
through the schema layer but may still be invalid there, so a rule reads
defensively and skips what it cannot interpret; the schema has reported it.
"""
