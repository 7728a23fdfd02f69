"""Pure computations per worksheet family: plain data in, dataclasses out, no I/O."""
