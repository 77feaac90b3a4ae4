"""What the uploader hears when a buyer import ends. The insurer side has no webhooks (they are each
insured's): the underwriter who uploaded the file gets one e-mail, after the finishing transaction commits,
in the language the job ran in (theirs); the admin's job page shows the same figures."""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from buyers.imports.models import BuyerImportJob


def announce_finished(*, job: BuyerImportJob) -> None:
    user = job.requested_by
    if user is None or not user.email:
        return
    names = {"file": job.filename[:80] or "CSV", "created": job.created, "updated": job.updated,
             "errors": job.rows_with_errors}
    if job.state == BuyerImportJob.State.FAILED:
        subject = _("Buyer import %(file)s refused: %(problem)s") % {**names, "problem": job.file_error}
    else:
        subject = _("Buyer import %(file)s done: %(created)d created, %(updated)d updated, %(errors)d rows with "
                    "errors") % names
    body = "\n".join([subject, reverse("admin:buyers_buyerimportjob_progress", args=[job.pk])])
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]))
