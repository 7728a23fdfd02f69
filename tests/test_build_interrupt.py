"""A build killed with SIGKILL while it writes leaves no partial document and keeps earlier ones."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from kamgen.manifest import MANIFEST_NAME
from kamgen.ooxml import TEMPORARY_MARKER

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"), pytest.mark.slow]

# Enough inputs that the build runs for several seconds (each takes about a second), so the kill lands while it writes.
INPUT_COUNT = 12
WAIT_SECONDS = 120


def make_inputs(folder: Path, repository: Path) -> None:
    example = yaml.safe_load((repository / "inputs/yaml/hoekstra-portfolio.yaml").read_text(encoding="utf-8"))
    for number in range(INPUT_COUNT):
        example["organisation"] = f"Onderbreking {number:02d} B.V."
        target = folder / f"groep-{number % 3}" / f"portfolio-{number:02d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")


def start_build(work: Path, environment: dict[str, str], *arguments: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kamgen", "build", "inputs", "-o", "output", *arguments], cwd=work, env=environment,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def kill_while_writing(process: subprocess.Popen, output: Path) -> None:
    """Wait until the build has written temporary files, then SIGKILL its whole process group."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if len(list(output.rglob(f"*{TEMPORARY_MARKER}*"))) >= 2:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the build finished before it could be killed; make it slower"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def visible_documents(output: Path) -> list[Path]:
    return sorted(path for path in output.rglob("*") if path.is_file() and not path.name.startswith("."))


def is_valid_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "[Content_Types].xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def test_killed_first_build_leaves_no_partial_document(tmp_path, repository, kamgen_env):
    make_inputs(tmp_path / "inputs", repository)

    process = start_build(tmp_path, kamgen_env)
    kill_while_writing(process, tmp_path / "output")

    for path in visible_documents(tmp_path / "output"):
        assert path.suffix in (".docx", ".xlsx"), path
        assert is_valid_package(path), path
    # The next build removes what the killed one left and builds everything.
    finished = subprocess.run(
        [sys.executable, "-m", "kamgen", "build", "-q", "--jobs", "2", "inputs", "-o", "output"], cwd=tmp_path, env=kamgen_env,
        capture_output=True, text=True, timeout=WAIT_SECONDS * 3,
    )
    assert finished.returncode == 0, finished.stderr
    assert list((tmp_path / "output").rglob(f"*{TEMPORARY_MARKER}*")) == []
    assert len(visible_documents(tmp_path / "output")) == 2 * INPUT_COUNT


def test_killed_rebuild_keeps_earlier_documents(tmp_path, repository, kamgen_env):
    make_inputs(tmp_path / "inputs", repository)
    first = subprocess.run(
        [sys.executable, "-m", "kamgen", "build", "-q", "--jobs", "2", "inputs", "-o", "output"], cwd=tmp_path,
        env=kamgen_env, capture_output=True, text=True, timeout=WAIT_SECONDS * 3,
    )
    assert first.returncode == 0, first.stderr
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in visible_documents(tmp_path / "output")}
    manifest_before = (tmp_path / "output" / MANIFEST_NAME).read_bytes()

    process = start_build(tmp_path, kamgen_env, "--force", "--jobs", "2")
    kill_while_writing(process, tmp_path / "output")

    after = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in visible_documents(tmp_path / "output")}
    assert after == before
    assert (tmp_path / "output" / MANIFEST_NAME).read_bytes() == manifest_before
    assert len(before) == 2 * INPUT_COUNT
