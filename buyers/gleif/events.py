"""What the uploader hears when a GLEIF import ends: one e-mail after the finishing transaction commits, in the
language the job ran in, as a buyer import's (the insurer side has no webhooks; the admin's page and the
insurer API show the same figures)."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from buyers.gleif.models import GleifImportJob


def announce_finished(*, job: GleifImportJob) -> None:
    user = job.requested_by
    if user is None or not user.email:
        return
    names = {"file": job.filename[:80] or "CSV", "updated": job.buyers_updated, "added": job.leis_added,
             "invalid": job.invalid_leis, "conflicts": job.conflicts}
    if job.state == GleifImportJob.State.FAILED:
        subject = _("GLEIF import %(file)s refused: %(problem)s") % {**names, "problem": job.file_error}
    elif job.dry_run:
        subject = _("GLEIF dry run %(file)s done: %(updated)d buyers would be updated, %(added)d LEIs added, "
                    "%(invalid)d invalid LEIs, %(conflicts)d conflicts") % names
    else:
        subject = _("GLEIF import %(file)s done: %(updated)d buyers updated, %(added)d LEIs added, %(invalid)d "
                    "invalid LEIs, %(conflicts)d conflicts") % names
    body = "\n".join([subject, reverse("admin:buyers_gleifimportjob_progress", args=[job.pk])])
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]))
