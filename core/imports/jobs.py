"""An upload stored as an import job and queued through the outbox, in one transaction."""

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction

from core import outbox
from core.imports.stream import HeaderProblem, check_header


def as_file(file, *, filename: str):
    """Text or bytes as a stored file's content; an uploaded file as it is."""
    if isinstance(file, str | bytes | bytearray):
        return ContentFile(file.encode("utf-8") if isinstance(file, str) else bytes(file), name=filename or "import.csv")
    return file


def store_job(job, *, file, filename: str, task_name: str, header_problem: HeaderProblem,
              check: Callable | None = None):
    """Save `job` (unsaved) with its file and queue `task_name` for it. A file whose header is wrong raises
    FileRefused at once, nothing stored (the header and the first row only are read: the worker reads the
    rest). `check(content, header_problem=...)` replaces that reading for a file that is not plain CSV (a .zip)."""
    content = as_file(file, filename=filename)
    (check or check_header)(content, header_problem=header_problem)
    content.seek(0)
    with transaction.atomic():
        job.file.save(filename or "import.csv", content, save=False)
        job.save()
        outbox.enqueue(task_name=task_name, payload={"job_id": job.pk})
    return job
