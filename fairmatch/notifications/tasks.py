"""The outbox delivered on a timer, with the retries and back-off of `send_due`; nothing when email
delivery is off (no SMTP_URL) or its settings are unusable (the organizer's outbox page says why)."""

import logging

from fairmatch.jobs.registry import periodic
from fairmatch.notifications.delivery import mail_settings, send_due
from fairmatch.notifications.mail import BadMailSettings

log = logging.getLogger(__name__)


@periodic("deliver-outbox", 60)
def deliver_outbox():
    try:
        settings = mail_settings()
    except BadMailSettings as error:
        log.warning("outbox not delivered: %s", error)
        return None
    return None if settings is None else send_due(settings)
