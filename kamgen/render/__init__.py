"""Renderers: they format computed results into Word, Excel and text; they compute nothing."""
