"""The build manifest: what each document in an output folder was built from.

``kamgen build`` keeps ``.kamgen-manifest.json`` in the output folder, with
one entry per input. The key is the input's path relative to the output
folder's parent (``inputs/yaml/hoekstra-portfolio.yaml`` for ``-o output``),
so it does not depend on the working folder. Each entry records the SHA-256
of the input's bytes, of every template used and of every document written,
plus the kamgen version, the document language and the build settings that
change a document. A later build compares these to skip what is current;
``build --check`` compares them to find documents that are missing, stale or
edited by hand.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kamgen.ooxml import write_atomically

MANIFEST_NAME = ".kamgen-manifest.json"
# Bump when the layout below changes; a manifest of another format is ignored, so everything rebuilds.
MANIFEST_FORMAT = 1
_HASH_BLOCK = 1024 * 1024


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(_HASH_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class ManifestEntry:
    """The record of one input's last successful build."""

    input: str  # the input path as shown in that build, for people reading the manifest
    input_sha256: str
    kind: str
    kamgen: str
    language: str  # the language the documents were written in
    settings: dict[str, Any]  # build settings that change documents; see kamgen.build.BuildSettings
    templates: dict[str, str]  # template file name -> SHA-256
    documents: dict[str, str] = field(default_factory=dict)  # path relative to the output folder -> SHA-256

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ManifestEntry":
        return cls(
            input=str(data["input"]),
            input_sha256=str(data["input_sha256"]),
            kind=str(data["kind"]),
            kamgen=str(data["kamgen"]),
            language=str(data["language"]),
            settings=dict(data["settings"]),
            templates={str(name): str(digest) for name, digest in data["templates"].items()},
            documents={str(name): str(digest) for name, digest in data["documents"].items()},
        )


@dataclass
class Manifest:
    """The manifest of one output folder; entries of inputs outside the current run are kept as they are."""

    path: Path
    entries: dict[str, ManifestEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, output_dir: Path) -> "Manifest":
        """Read the manifest of ``output_dir``; a missing, unreadable or foreign manifest gives an empty one."""
        path = Path(output_dir) / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != MANIFEST_FORMAT:
                return cls(path)
            entries = {str(key): ManifestEntry.from_dict(value) for key, value in data["inputs"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # A damaged manifest only costs a full rebuild, so it is not worth stopping the build for.
            return cls(path)
        return cls(path, entries)

    def to_json(self) -> str:
        """Return the manifest as JSON with sorted keys, so the same builds give the same file."""
        data = {
            "format": MANIFEST_FORMAT,
            "inputs": {key: asdict(entry) for key, entry in sorted(self.entries.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def save(self) -> None:
        write_atomically(self.path, self.to_json().encode("utf-8"))

    def owner_of(self, document: str) -> str | None:
        """Return the key of the input whose entry lists ``document``, if any."""
        for key, entry in self.entries.items():
            if document in entry.documents:
                return key
        return None
