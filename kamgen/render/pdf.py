"""PDF copies of Word and Excel files through LibreOffice (``soffice --headless --convert-to pdf``).

One call converts many files with a single LibreOffice start, which takes
most of the time. Each call gets a private LibreOffice profile in a temporary
folder, so several kamgen processes (or a LibreOffice window the user has
open) do not block each other, and a timeout that grows with the number of
files. PDFs are not normalised: LibreOffice writes the creation time and a
random document id into them, so they differ from run to run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable

from kamgen.errors import KamgenError, ToolMissingError
from kamgen.i18n import t

SOFFICE_NAMES = ("soffice", "libreoffice")
# Estimate from one measurement: LibreOffice 7.4 converted the 37 files of an
# English pack in about 36 s, start included. The limits leave a wide margin.
BASE_TIMEOUT_SECONDS = 120
TIMEOUT_PER_FILE_SECONDS = 20
# How much of LibreOffice's own output an error message quotes.
DETAIL_CHARACTERS = 400


def find_soffice() -> str | None:
    """Return the path of the LibreOffice program on the PATH, or None."""
    for name in SOFFICE_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def conversion_timeout(file_count: int) -> int:
    return BASE_TIMEOUT_SECONDS + TIMEOUT_PER_FILE_SECONDS * file_count


def convert_to_pdf(
    sources: Iterable[Path],
    output_dir: Path,
    *,
    timeout: float | None = None,
    soffice: str | None = None,
) -> list[Path]:
    """Convert ``sources`` to PDF in ``output_dir`` with one LibreOffice run; return the PDFs in source order.

    A PDF is named after its source (``werkblad-01-belang-kam.pdf``), so the
    sources must have different file names. Raises ToolMissingError when
    LibreOffice is not installed, and KamgenError when it fails, times out or
    leaves a file unconverted; ``output_dir`` then keeps what it had.
    """
    sources = [Path(source).resolve() for source in sources]
    if not sources:
        return []
    stems = [source.stem for source in sources]
    if len(set(stems)) != len(stems):
        raise ValueError(f"two sources share a file name, so their PDFs would collide: {sorted(stems)}")

    program = soffice or find_soffice()
    if program is None:
        raise ToolMissingError(t("cli.no_soffice"))
    seconds = timeout if timeout is not None else conversion_timeout(len(sources))

    with tempfile.TemporaryDirectory(prefix="kamgen-soffice-") as work:
        profile = Path(work) / "profile"
        staging = Path(work) / "pdf"
        staging.mkdir()
        command = [
            program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(staging), *(str(source) for source in sources),
        ]
        code, output = _run(command, seconds, program)

        missing = [source.name for source in sources if not (staging / f"{source.stem}.pdf").is_file()]
        if code != 0 or missing:
            detail = output.strip()[-DETAIL_CHARACTERS:] or "-"
            raise KamgenError(t("pack.pdf_failed", files=", ".join(missing or [source.name for source in sources]), code=code, detail=detail))

        # Move the finished PDFs in only after all of them exist.
        from kamgen.ooxml import write_atomically

        output_dir = Path(output_dir)
        results = []
        for source in sources:
            target = output_dir / f"{source.stem}.pdf"
            write_atomically(target, (staging / f"{source.stem}.pdf").read_bytes())
            results.append(target)
    return results


def _run(command: list[str], seconds: float, program: str) -> tuple[int, str]:
    """Run LibreOffice in its own process group, so a timeout also stops the soffice.bin it starts."""
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, errors="replace", start_new_session=True,
        )
    except OSError as error:
        raise KamgenError(t("pack.pdf_not_started", program=program, detail=error)) from error

    try:
        output, _ = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired as error:
        _stop_group(process)
        raise KamgenError(t("pack.pdf_timeout", seconds=int(seconds))) from error
    return process.returncode, output or ""


def _stop_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        # AttributeError: no process groups on Windows; stop the direct child only.
        process.kill()
    process.communicate()
