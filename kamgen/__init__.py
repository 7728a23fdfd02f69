"""kamgen: the worksheets of a Dutch key-account management method as software.

The library entry points are :func:`kamgen.validation.validate_paths`,
:func:`kamgen.build.build` and :func:`kamgen.pack.write_pack`; the command
line in :mod:`kamgen.cli` is a thin layer over them.
"""

__version__ = "0.1.0"
