"""The user's language and the message catalogues.

Every text a user reads comes from a catalogue module in
:mod:`kamgen.messages`: ``kamgen/messages/<area>.py`` defines ``MESSAGES``, a
dict from key to ``{"nl": ..., "en": ...}``. ``t("area.key", **params)``
imports the area's module on first use, so ``kamgen --help`` loads only the
CLI texts.
"""

from __future__ import annotations

import importlib
import os

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
ENV_VARIABLE = "KAMGEN_LANG"

_language: str | None = None
_catalogues: dict[str, dict[str, dict[str, str]]] = {}


def normalise_language(value: str | None) -> str | None:
    """Map ``nl``, ``NL``, ``nl_NL.UTF-8`` or ``en-GB`` to a supported code, else None."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else None


def get_language() -> str:
    if _language is not None:
        return _language
    return normalise_language(os.environ.get(ENV_VARIABLE)) or DEFAULT_LANGUAGE


def set_language(language: str | None) -> str:
    """Set the process-wide language; None resets to ``KAMGEN_LANG`` or Dutch."""
    global _language
    _language = normalise_language(language) if language else None
    return get_language()


def catalogue(area: str) -> dict[str, dict[str, str]]:
    if area not in _catalogues:
        module = importlib.import_module(f"kamgen.messages.{area}")
        _catalogues[area] = module.MESSAGES
    return _catalogues[area]


def t(key: str, language: str | None = None, /, **params: object) -> str:
    """Return the message ``area.name`` in the language, formatted with ``params``.

    Raises KeyError for an unknown key, so a typo fails in the tests rather
    than showing a key to the user.
    """
    area, _, name = key.partition(".")
    entry = catalogue(area)[name]
    text = entry[language or get_language()]
    return text.format(**params) if params else text


def pick(texts: dict[str, str] | str, language: str | None = None) -> str:
    """Return the text for the language from a ``{"nl": ..., "en": ...}`` dict."""
    if isinstance(texts, str):
        return texts
    return texts[language or get_language()]
