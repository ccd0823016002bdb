"""The outbox goes out on the queue's timer: nobody has to install a cron line for `send-outbox`."""

from fairmatch.extensions import db
from fairmatch.jobs.periodic import run_periodic
from fairmatch.notifications.models import Notification
from tests.notifications.conftest import outbox


def test_the_periodic_delivery_emails_what_waits_and_retries_a_refusal(mail_app, smtp_server, queue_message):
    email = queue_message(mail_app)
    smtp_server.refuse = "451 4.3.0 try again later"
    with mail_app.app_context():
        run_periodic("deliver-outbox")
    assert smtp_server.received == [] and outbox(mail_app)[0].email_state == "pending"
    smtp_server.refuse = None
    # The retry waits its backoff: a tick right away sends nothing, a tick once it is due sends it.
    with mail_app.app_context():
        run_periodic("deliver-outbox")
    assert smtp_server.received == []
    with mail_app.app_context():
        db.session.execute(db.update(Notification).values(email_next_attempt_at=None))
        db.session.commit()
        run_periodic("deliver-outbox")
    assert [m["To"] for m in smtp_server.received] == [email]
    assert outbox(mail_app)[0].email_state == "sent"


def test_without_smtp_the_periodic_delivery_leaves_the_inbox_alone(app, queue_message):
    queue_message(app)
    with app.app_context():
        assert run_periodic("deliver-outbox") is None
    assert outbox(app)[0].email_state == "pending"
