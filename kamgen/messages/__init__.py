"""Message catalogues, one module per area; see :mod:`kamgen.i18n`."""
