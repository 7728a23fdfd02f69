"""The build pipeline: inputs in, reproducible Word and Excel documents out.

:func:`build` is the library entry point and :func:`run_build` is what
``kamgen build`` calls. A build runs these steps:

1. find the inputs (named files, folders, or ``inputs/``) and keep this shard's part;
2. skip every input whose manifest entry still matches (input bytes, templates,
   kamgen version, language and settings) and whose documents are untouched;
3. for each other input, in this process or in a pool of worker processes:
   validate, compute, render to hidden temporary files in the target folder,
   and normalise them (fixed ZIP order, timestamps and document properties);
4. fail every input whose document another input also writes, naming both;
5. rename the finished files into place and save the manifest.

Documents appear under their real names only through ``os.replace``, so a
killed or failed build never leaves a half-written document, and an input
that fails keeps its earlier documents. ``--check`` runs steps 1 and 2 only
and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Mapping, Sequence

from kamgen import __version__
from kamgen.discovery import DEFAULT_INPUT_DIR, DEFAULT_OUTPUT_DIR, collect_inputs
from kamgen.errors import KamgenError, UsageError
from kamgen.i18n import get_language, normalise_language, set_language, t
from kamgen.manifest import Manifest, ManifestEntry, file_sha256
from kamgen.ooxml import ZIP_EARLIEST, commit, discard, normalise_package, remove_stale_temporaries, source_date_epoch, temporary_path
from kamgen.problems import FileReport, Report

# Outcome of one input in a build.
BUILT = "built"
UP_TO_DATE = "up_to_date"
VALIDATED = "validated"  # valid input of a kind that has no report yet
INVALID = "invalid"
FAILED = "failed"

# Status of a document that its input produced before under another name.
REMOVED = "removed"
KEPT = "kept"

# Outcome of one input under --check.
CURRENT = "current"
MISSING = "missing"
STALE = "stale"
EDITED = "edited"

DOCUMENT_SUFFIXES = (".docx", ".xlsx")

# Document name prefixes; the slug of the organisation or customer follows.
DOCUMENT_PREFIXES = {
    "portfolio": {"nl": "klantportfolio", "en": "customer-portfolio"},
    "key_account": {"nl": "accountplan", "en": "account-plan"},
    "development": {"nl": "ontwikkelplan", "en": "development-plan"},
    "organisation": {"nl": "invoering-kam", "en": "kam-implementation"},
}


# ---------------------------------------------------------------------------
# What each input kind produces


def portfolio_stem(data: Mapping[str, Any], language: str) -> str:
    return _stem("portfolio", data.get("organisation"), language)


def account_stem(data: Mapping[str, Any], language: str) -> str:
    """Return ``accountplan-<customer>``, or ``ontwikkelplan-<customer>`` for a development customer."""
    return _stem(account_plan_type(data), data.get("customer"), language)


def organisation_stem(data: Mapping[str, Any], language: str) -> str:
    return _stem("organisation", data.get("organisation"), language)


def account_plan_type(data: Mapping[str, Any]) -> str:
    """Return ``development`` or ``key_account``: ``plan_type`` when given, else from the segment or worksheet 11."""
    plan_type = data.get("plan_type")
    if plan_type in ("key_account", "development"):
        return plan_type
    if data.get("segment") == "development" or data.get("development_plan"):
        return "development"
    return "key_account"


def _stem(prefix_key: str, name: Any, language: str) -> str:
    from kamgen.safety import slugify

    return f"{DOCUMENT_PREFIXES[prefix_key][language]}-{slugify(str(name or ''))}"


@dataclass(frozen=True)
class ReportKind:
    """The steps that turn inputs of one kind into documents.

    ``compute`` and ``render`` are ``"module:function"`` references, imported
    only when an input of this kind is built, so ``kamgen --help`` stays fast.
    ``compute(data)`` (optionally with ``language=``) returns the result;
    ``render(result, *, docx_path, xlsx_path, language, templates_dir)``
    writes both files. A kind without ``render`` is validated only.
    ``templates`` are glob patterns of the template files the renderer reads;
    their hashes go into the manifest.
    """

    kind: str
    document_stem: Callable[[Mapping[str, Any], str], str]
    compute: str | None = None
    render: str | None = None
    templates: tuple[str, ...] = ("*.docx",)


REPORT_KINDS: dict[str, ReportKind] = {
    "portfolio": ReportKind(
        "portfolio", portfolio_stem,
        compute="kamgen.compute.portfolio:compute_portfolio",
        render="kamgen.render.portfolio_report:write_portfolio_report",
        templates=("klantportfolio.docx",),
    ),
    # TODO: the account plan and implementation reports; until then these kinds are validated only.
    "account": ReportKind("account", account_stem),
    "organisation": ReportKind("organisation", organisation_stem),
}


def register_report(report_kind: ReportKind) -> ReportKind | None:
    """Set how an input kind is built; return the previous registration (tests restore it)."""
    previous = REPORT_KINDS.get(report_kind.kind)
    REPORT_KINDS[report_kind.kind] = report_kind
    return previous


def _load(reference: str) -> Callable[..., Any]:
    module_name, _, function_name = reference.partition(":")
    return getattr(importlib.import_module(module_name), function_name)


# ---------------------------------------------------------------------------
# Options, tasks and outcomes


@dataclass
class BuildOptions:
    """The options of ``kamgen build`` as the CLI parsed them."""

    inputs: list[Path] = field(default_factory=list)
    output_dir: Path | None = None
    templates_dir: Path | None = None
    problem_format: str = "text"
    strict: bool = False
    force: bool = False
    check: bool = False
    jobs: int = 1
    shard: str | None = None
    quiet: bool = False
    verbose: bool = False
    language: str = "nl"  # language of messages, and of documents whose input names no language
    document_language: str | None = None  # language of every document, set when the user chose one explicitly


@dataclass(frozen=True)
class InputTask:
    """One input file and where its documents go."""

    path: Path
    display_name: str
    key: str  # manifest key: the input's path relative to the output folder's parent
    folder: str  # posix folder of its documents, relative to the output folder ("" for the top)


@dataclass(frozen=True)
class BuildSettings:
    """Everything besides the input and templates that changes a document's bytes or whether it builds."""

    document_language: str | None
    fallback_language: str
    strict: bool
    source_date_epoch: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "document_language": self.document_language,
            "fallback_language": None if self.document_language else self.fallback_language,
            "strict": self.strict,
            "source_date_epoch": self.source_date_epoch,
        }


@dataclass(frozen=True)
class Job:
    """Settings shared by every task of one build; each worker process receives a copy."""

    output_dir: Path
    language: str
    settings: BuildSettings
    templates_dir: Path | None
    template_hashes: dict[str, dict[str, str]]  # kind -> template name -> SHA-256
    timestamp: dt.datetime | None  # from SOURCE_DATE_EPOCH
    owner_pid: int
    report_kinds: dict[str, ReportKind]


@dataclass
class DocumentOutcome:
    """One document of an input: where it goes and what happened to it."""

    key: str  # path relative to the output folder, posix
    path: Path
    status: str
    reason: str | None = None
    sha256: str | None = None
    temporary: Path | None = None


@dataclass
class InputOutcome:
    """The result of one input in a build or a check: its status, documents, problems and messages."""

    task: InputTask
    status: str
    documents: list[DocumentOutcome] = field(default_factory=list)
    report: FileReport | None = None
    message: str | None = None  # why the input failed or is not current, in the user's language
    detail: str | None = None  # traceback of an unexpected failure, shown with --verbose
    reason: str | None = None  # why a built input was rebuilt, shown with --verbose
    entry: ManifestEntry | None = None  # the new manifest entry of a built input


@dataclass
class BuildResult:
    """The outcome of a build or a check, per input in the order they were found."""

    outcomes: list[InputOutcome]
    check: bool = False
    output_dir: Path = DEFAULT_OUTPUT_DIR

    @property
    def report(self) -> Report:
        """Return the validation report of the inputs this run validated."""
        return Report(files=[outcome.report for outcome in self.outcomes if outcome.report is not None])

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    def count_documents(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes for document in outcome.documents if document.status == status)

    @property
    def ok(self) -> bool:
        if self.check:
            return all(outcome.status == CURRENT for outcome in self.outcomes)
        return not any(outcome.status in (INVALID, FAILED) for outcome in self.outcomes)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


# ---------------------------------------------------------------------------
# Finding the inputs


def plan_inputs(paths: Sequence[Path], output_dir: Path) -> list[InputTask]:
    """Expand the arguments into input tasks; a folder's documents mirror its tree below the output folder.

    Files under the output folder are left out, so ``kamgen build . -o out``
    never reads its own documents as inputs.
    """
    arguments = [Path(path) for path in paths] or [DEFAULT_INPUT_DIR]
    output_resolved = output_dir.resolve()
    tasks: list[InputTask] = []
    seen: set[Path] = set()

    for argument in arguments:
        if argument.is_dir():
            root = argument
            files = [path for path in collect_inputs([argument]) if output_resolved not in path.resolve().parents]
            if not files:
                raise UsageError(t("reading.is_directory_empty", file=argument))
        else:
            root = argument.parent
            files = collect_inputs([argument])

        for path in files:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            folder = path.relative_to(root).parent.as_posix()
            tasks.append(InputTask(path, str(path), _input_key(resolved, output_resolved), "" if folder == "." else folder))
    return tasks


def _input_key(resolved_input: Path, resolved_output: Path) -> str:
    try:
        return Path(os.path.relpath(resolved_input, resolved_output.parent)).as_posix()
    except ValueError:
        # relpath fails across Windows drives; the absolute path is still a unique key.
        return resolved_input.as_posix()


def parse_shard(value: str | None) -> tuple[int, int] | None:
    """Parse ``I/N`` (1 ≤ I ≤ N) into ``(I, N)``; raise UsageError for anything else."""
    if value is None:
        return None
    index_text, separator, count_text = value.strip().partition("/")
    try:
        index, count = int(index_text), int(count_text)
    except ValueError:
        index, count = 0, 0
    if not separator or not 1 <= index <= count:
        raise UsageError(t("cli.bad_shard", value=value))
    return index, count


def select_shard(tasks: Sequence[InputTask], shard: tuple[int, int] | None) -> list[InputTask]:
    """Keep shard I of N: the inputs at positions I-1, I-1+N, … of the list sorted by place in the tree.

    The place (``yaml/x.yaml`` for ``inputs/yaml/x.yaml``) does not depend on
    the working folder or the output folder, so machines with the same inputs
    sort them the same way and the N shards together build each input once.
    """
    if shard is None:
        return list(tasks)
    index, count = shard
    ordered = sorted(tasks, key=lambda task: (PurePosixPath(task.folder, task.path.name).as_posix(), task.key))
    chosen = {task.key for position, task in enumerate(ordered) if position % count == index - 1}
    return [task for task in tasks if task.key in chosen]


# ---------------------------------------------------------------------------
# Templates and timestamps


def template_hashes(report_kinds: Mapping[str, ReportKind], templates_dir: Path | None) -> dict[str, dict[str, str]]:
    """Return per kind the SHA-256 of each template it may read; a user template replaces the default of that name."""
    from kamgen.resources import data_dir

    try:
        folders = [data_dir("templates")]
    except FileNotFoundError:
        folders = []
    if templates_dir is not None:
        folders.append(Path(templates_dir))

    hashes: dict[str, dict[str, str]] = {}
    for kind, report_kind in report_kinds.items():
        found: dict[str, str] = {}
        for folder in folders:
            for pattern in report_kind.templates:
                for path in sorted(folder.glob(pattern)):
                    if path.is_file():
                        found[path.name] = file_sha256(path)
        hashes[kind] = dict(sorted(found.items()))
    return hashes


def period_timestamp(data: Mapping[str, Any]) -> dt.datetime:
    """Return 00:00 UTC on the period's end date (else its start), the documents' creation time without SOURCE_DATE_EPOCH."""
    period = data.get("period") if isinstance(data, Mapping) else None
    if isinstance(period, Mapping):
        for key in ("end", "start"):
            value = period.get(key)
            if isinstance(value, dt.datetime):
                return value.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=dt.timezone.utc)
            if isinstance(value, dt.date):
                return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
            try:
                day = dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    return ZIP_EARLIEST


# ---------------------------------------------------------------------------
# Building one input (runs in a worker process when --jobs > 1)


def build_input(task: InputTask, job: Job) -> InputOutcome:
    """Validate, compute and render one input into temporary files.

    Any exception becomes a FAILED outcome with the message and traceback, so
    one broken input or renderer bug never stops the other inputs.
    """
    previous_language = get_language()
    set_language(job.language)
    # Filled in once validation ran, so a later failure still shows the input's problems.
    reports: list[FileReport] = []
    try:
        return _build_input(task, job, reports)
    except Exception as error:  # noqa: BLE001 - one broken input must not stop the others
        message = error.message if isinstance(error, KamgenError) else f"{type(error).__name__}: {error}"
        return InputOutcome(
            task, FAILED, report=reports[0] if reports else None,
            message=t("build.failed", file=task.display_name, error=message), detail=traceback.format_exc(),
        )
    finally:
        set_language(previous_language)


def _build_input(task: InputTask, job: Job, reports: list[FileReport]) -> InputOutcome:
    from kamgen.safety import inside
    from kamgen.validation import validate_file

    input_sha256 = file_sha256(task.path)
    file_report, document = validate_file(task.path, task.display_name)
    reports.append(file_report)
    if document is None or document.kind is None or not file_report.valid(job.settings.strict):
        key = "build.invalid_strict" if document is not None and not file_report.errors else "build.invalid"
        return InputOutcome(task, INVALID, report=file_report, message=t(key, file=task.display_name))

    report_kind = job.report_kinds[document.kind]
    kind, data = document.kind, document.data
    # Only problems need the source map; dropping it frees tens of MB for a large portfolio before rendering.
    del document
    language = job.settings.document_language or normalise_language(data.get("language")) or job.settings.fallback_language
    if report_kind.render is None:
        return InputOutcome(task, VALIDATED, report=file_report, message=t("build.no_report_yet", file=task.display_name, kind=kind))

    # Work out the targets before the slow steps, so a bad name fails fast.
    folder = inside(job.output_dir, task.folder) if task.folder else job.output_dir
    stem = report_kind.document_stem(data, language)
    targets = {suffix: inside(folder, stem + suffix) for suffix in DOCUMENT_SUFFIXES}
    if any(target.resolve() == task.path.resolve() for target in targets.values()):
        return InputOutcome(task, FAILED, report=file_report, message=t("build.output_is_input", file=task.display_name))

    compute = _load(report_kind.compute) if report_kind.compute else (lambda data: data)
    if "language" in inspect.signature(compute).parameters:
        result = compute(data, language=language)
    else:
        result = compute(data)

    folder.mkdir(parents=True, exist_ok=True)
    temporaries = {suffix: temporary_path(target, owner=job.owner_pid) for suffix, target in targets.items()}
    try:
        render = _load(report_kind.render)
        render(
            result, docx_path=temporaries[".docx"], xlsx_path=temporaries[".xlsx"],
            language=language, templates_dir=job.templates_dir,
        )
        timestamp = job.timestamp or period_timestamp(data)
        documents = []
        for suffix, target in targets.items():
            normalise_package(temporaries[suffix], timestamp)
            documents.append(DocumentOutcome(
                key=_document_key(job.output_dir, target), path=target, status=BUILT,
                sha256=file_sha256(temporaries[suffix]), temporary=temporaries[suffix],
            ))
    except BaseException:
        for temporary in temporaries.values():
            discard(temporary)
        raise

    entry = ManifestEntry(
        input=task.display_name, input_sha256=input_sha256, kind=kind, kamgen=__version__,
        language=language, settings=job.settings.as_dict(), templates=job.template_hashes.get(kind, {}),
        documents={document.key: document.sha256 for document in documents},
    )
    return InputOutcome(task, BUILT, documents=documents, report=file_report, entry=entry)


def _document_key(output_dir: Path, target: Path) -> str:
    return target.relative_to(output_dir).as_posix()


# ---------------------------------------------------------------------------
# Comparing with the manifest


def compare_entry(task: InputTask, entry: ManifestEntry | None, job: Job, input_sha256: str) -> InputOutcome | None:
    """Return an outcome with CURRENT documents when ``entry`` still matches, else one with the reason it does not.

    Returns None when there is no entry. The documents are hashed, so a
    document edited by hand is found even when its input is unchanged.
    """
    if entry is None:
        return None

    reason = _stale_reason(task, entry, job, input_sha256)
    documents = []
    for key, recorded in entry.documents.items():
        path = job.output_dir / PurePosixPath(key)
        if reason is not None:
            documents.append(DocumentOutcome(key, path, STALE, reason=reason))
        elif not path.is_file():
            documents.append(DocumentOutcome(key, path, MISSING, reason=t("build.reason_missing")))
        elif file_sha256(path) != recorded:
            documents.append(DocumentOutcome(key, path, EDITED, reason=t("build.reason_edited")))
        else:
            documents.append(DocumentOutcome(key, path, CURRENT, sha256=recorded))

    statuses = [document.status for document in documents]
    for status in (STALE, MISSING, EDITED):
        if status in statuses:
            return InputOutcome(task, status, documents=documents, message=reason)
    return InputOutcome(task, CURRENT, documents=documents)


def _stale_reason(task: InputTask, entry: ManifestEntry, job: Job, input_sha256: str) -> str | None:
    if entry.input_sha256 != input_sha256:
        return t("build.reason_input", file=task.display_name)
    if entry.templates != job.template_hashes.get(entry.kind, {}):
        return t("build.reason_templates")
    if entry.kamgen != __version__:
        return t("build.reason_version", old=entry.kamgen, new=__version__)
    if entry.settings != job.settings.as_dict():
        return t("build.reason_settings")
    if any(_folder_of(key) != task.folder for key in entry.documents):
        return t("build.reason_folder")
    return None


def _folder_of(document_key: str) -> str:
    folder = PurePosixPath(document_key).parent.as_posix()
    return "" if folder == "." else folder


def _check_without_entry(task: InputTask, job: Job) -> InputOutcome:
    """Report the documents an input that was never built would produce; kinds without a report are current."""
    from kamgen.readers import read_document

    try:
        document = read_document(task.path, task.display_name)
    except KamgenError as error:
        return InputOutcome(task, MISSING, message=error.message)
    except Exception as error:  # noqa: BLE001 - a reader bug in one input must not stop the check of the others
        message = t("build.failed", file=task.display_name, error=f"{type(error).__name__}: {error}")
        return InputOutcome(task, MISSING, message=message, detail=traceback.format_exc())
    report_kind = job.report_kinds.get(document.kind or "")
    if report_kind is not None and report_kind.render is None:
        return InputOutcome(task, CURRENT)
    if report_kind is None or not isinstance(document.data, Mapping):
        return InputOutcome(task, MISSING, message=t("build.never_built", file=task.display_name))

    language = job.settings.document_language or normalise_language(document.data.get("language")) or job.settings.fallback_language
    stem = report_kind.document_stem(document.data, language)
    folder = PurePosixPath(task.folder) if task.folder else PurePosixPath()
    documents = [
        DocumentOutcome((folder / (stem + suffix)).as_posix(), job.output_dir / folder / (stem + suffix), MISSING, reason=t("build.reason_missing"))
        for suffix in DOCUMENT_SUFFIXES
    ]
    return InputOutcome(task, MISSING, documents=documents, message=t("build.never_built", file=task.display_name))


# ---------------------------------------------------------------------------
# The pipeline


def build(
    inputs: Sequence[Path] = (),
    output_dir: Path | None = None,
    *,
    language: str | None = None,
    document_language: str | None = None,
    templates_dir: Path | None = None,
    strict: bool = False,
    force: bool = False,
    check: bool = False,
    jobs: int = 1,
    shard: str | None = None,
    environ: Mapping[str, str] | None = None,
    on_outcome: Callable[[InputOutcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BuildResult:
    """Build (or with ``check`` only compare) the documents of ``inputs`` into ``output_dir``.

    ``language`` is the language of messages and of documents whose input
    names none; ``document_language`` forces the documents' language.
    ``environ`` supplies ``SOURCE_DATE_EPOCH`` (default: ``os.environ``).
    ``on_start(n)`` is called with the number of inputs that will be built and
    ``on_outcome`` once per input as it finishes. Raises UsageError for a bad
    shard, a bad ``SOURCE_DATE_EPOCH`` or a missing input; problems in inputs
    are outcomes, never exceptions.
    """
    language = normalise_language(language) or get_language()
    previous_language = get_language()
    set_language(language)
    try:
        return _build(
            list(inputs), Path(output_dir) if output_dir is not None else DEFAULT_OUTPUT_DIR,
            language=language, document_language=normalise_language(document_language),
            templates_dir=Path(templates_dir) if templates_dir else None, strict=strict, force=force, check=check,
            jobs=jobs, shard=shard, environ=environ, on_outcome=on_outcome, on_start=on_start,
        )
    finally:
        set_language(previous_language)


def _build(inputs, output_dir, *, language, document_language, templates_dir, strict, force, check, jobs, shard, environ, on_outcome, on_start) -> BuildResult:
    shard_range = parse_shard(shard)
    fixed_time = source_date_epoch(environ)

    tasks = select_shard(plan_inputs(inputs, output_dir), shard_range)
    settings = BuildSettings(
        document_language=document_language, fallback_language=language, strict=strict,
        source_date_epoch=int(fixed_time.timestamp()) if fixed_time else None,
    )
    report_kinds = dict(REPORT_KINDS)
    job = Job(
        output_dir=output_dir, language=language, settings=settings, templates_dir=templates_dir,
        template_hashes=template_hashes(report_kinds, templates_dir), timestamp=fixed_time,
        owner_pid=os.getpid(), report_kinds=report_kinds,
    )
    manifest = Manifest.load(output_dir)

    if check:
        return _check(tasks, job, manifest, on_outcome)

    output_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(output_dir)

    # Skip what is current; everything else goes to the workers, with the reason it is rebuilt.
    outcomes: dict[str, InputOutcome] = {}
    pending: list[InputTask] = []
    reasons: dict[str, str] = {}
    for task in tasks:
        if force:
            reasons[task.key] = t("build.reason_forced")
            pending.append(task)
            continue
        current = compare_entry(task, manifest.entries.get(task.key), job, file_sha256(task.path))
        if current is not None and current.status == CURRENT:
            current.status = UP_TO_DATE
            for document in current.documents:
                document.status = UP_TO_DATE
            outcomes[task.key] = current
            if on_outcome:
                on_outcome(current)
            continue
        reasons[task.key] = _first_reason(current) if current is not None else t("build.reason_new")
        pending.append(task)

    if on_start:
        on_start(len(pending))
    for outcome in _run_tasks(pending, job, jobs):
        if outcome.status == BUILT:
            outcome.reason = reasons.get(outcome.task.key)
        outcomes[outcome.task.key] = outcome
        if on_outcome:
            on_outcome(outcome)

    # Collisions are only known once every input has its document names, so renames wait until here.
    ordered = [outcomes[task.key] for task in tasks]
    _fail_collisions(ordered)
    if _commit(ordered, manifest, output_dir):
        manifest.save()
    return BuildResult(ordered, check=False, output_dir=output_dir)


def _first_reason(outcome: InputOutcome) -> str:
    if outcome.message:
        return outcome.message
    for document in outcome.documents:
        if document.reason:
            return document.reason
    return t("build.reason_new")


def _check(tasks: Sequence[InputTask], job: Job, manifest: Manifest, on_outcome) -> BuildResult:
    outcomes = []
    for task in tasks:
        outcome = compare_entry(task, manifest.entries.get(task.key), job, file_sha256(task.path))
        if outcome is None:
            outcome = _check_without_entry(task, job)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return BuildResult(outcomes, check=True, output_dir=job.output_dir)


def _run_tasks(tasks: Sequence[InputTask], job: Job, jobs: int) -> Iterable[InputOutcome]:
    """Yield the outcome of every task as it finishes: in this process for one job, else in a process pool."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield build_input(task, job)
        return

    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = {pool.submit(build_input, task, job): task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield future.result()
            except BrokenProcessPool as error:
                # A worker died (killed, out of memory); the inputs it held fail, the rest carry on.
                message = t("build.failed", file=task.display_name, error=t("build.worker_died", error=error))
                yield InputOutcome(task, FAILED, message=message)
            except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be pickled back
                message = t("build.failed", file=task.display_name, error=f"{type(error).__name__}: {error}")
                yield InputOutcome(task, FAILED, message=message, detail=traceback.format_exc())


def _fail_collisions(outcomes: Sequence[InputOutcome]) -> None:
    """Fail every newly built input whose document another input of this run also claims."""
    claims: dict[str, list[InputOutcome]] = {}
    for outcome in outcomes:
        if outcome.status in (BUILT, UP_TO_DATE):
            for document in outcome.documents:
                claims.setdefault(document.key, []).append(outcome)

    for key, claimants in claims.items():
        if len(claimants) < 2:
            continue
        names = [claimant.task.display_name for claimant in claimants]
        for claimant in claimants:
            if claimant.status != BUILT:
                continue
            others = ", ".join(name for name in names if name != claimant.task.display_name)
            claimant.status = FAILED
            claimant.message = t("build.collision", document=key, file=claimant.task.display_name, others=others)
            for document in claimant.documents:
                if document.temporary is not None:
                    discard(document.temporary)
                document.status = FAILED
            claimant.entry = None


def _commit(outcomes: Sequence[InputOutcome], manifest: Manifest, output_dir: Path) -> bool:
    """Rename finished documents into place, clean up what their inputs no longer produce, update the manifest."""
    changed = False
    for outcome in outcomes:
        if outcome.status != BUILT or outcome.entry is None:
            continue

        for document in outcome.documents:
            commit(document.temporary, document.path)
            document.temporary = None
            # Another input's old entry may still list this document; it is no longer that input's.
            owner = manifest.owner_of(document.key)
            if owner is not None and owner != outcome.task.key:
                manifest.entries[owner].documents.pop(document.key, None)

        previous = manifest.entries.get(outcome.task.key)
        if previous is not None:
            _remove_abandoned(previous, outcome, output_dir)
        manifest.entries[outcome.task.key] = outcome.entry
        changed = True
    return changed


def _remove_abandoned(previous: ManifestEntry, outcome: InputOutcome, output_dir: Path) -> None:
    """Remove documents this input wrote before under another name, unless someone edited them since."""
    produced = {document.key for document in outcome.documents}
    for key, recorded in previous.documents.items():
        path = output_dir / PurePosixPath(key)
        if key in produced or not path.is_file():
            continue
        if file_sha256(path) == recorded:
            path.unlink()
            outcome.documents.append(DocumentOutcome(key, path, REMOVED, reason=t("build.reason_renamed")))
        else:
            outcome.documents.append(DocumentOutcome(key, path, KEPT, reason=t("build.kept_edited")))


# ---------------------------------------------------------------------------
# The command


def language_chosen(context) -> bool:
    """Tell whether the user chose the language with ``--lang`` (on any command level) or ``KAMGEN_LANG``."""
    import click

    if normalise_language(os.environ.get("KAMGEN_LANG")):
        return True
    while context is not None:
        if context.get_parameter_source("lang") == click.core.ParameterSource.COMMANDLINE:
            return True
        context = context.parent
    return False


def run_build(options: BuildOptions) -> int:
    """Run ``kamgen build`` with the parsed options, print progress, problems and a summary; return the exit code."""
    import click

    from kamgen.build_status import StatusPrinter
    from kamgen.render.problems import format_report

    show_bar = sys.stdout.isatty() and not options.quiet and not options.check and options.problem_format == "text"
    reporter = StatusPrinter(options, show_bar)

    result = build(
        options.inputs, options.output_dir, language=options.language, document_language=options.document_language,
        templates_dir=options.templates_dir, strict=options.strict, force=options.force, check=options.check,
        jobs=options.jobs, shard=options.shard, on_outcome=reporter.outcome, on_start=reporter.start,
    )
    reporter.finish()

    # Problems go to stdout like `kamgen validate`; status lines go to stderr.
    report = result.report
    if report.files and (report.problems or options.verbose or options.problem_format == "json"):
        text = format_report(report, options.problem_format, strict=options.strict, color=sys.stdout.isatty())
        if options.problem_format == "text" and not options.verbose:
            # The status lines already list the valid inputs; keep the problems and the totals.
            valid_lines = {t("cli.file_ok", file=file.file) for file in report.files if not file.problems}
            text = "\n".join(line for line in text.splitlines() if line not in valid_lines)
        if text:
            click.echo(text)

    reporter.summary(result)
    return result.exit_code
