"""A page that reads a booth and its reservation shows one consistent moment, even when another
request ends the reservation while the page is being read."""

from sqlalchemy import event, text

from fairmatch.extensions import db
from tests.conftest import signed_in


def test_the_plan_survives_a_cancellation_committed_while_it_is_read(app, exhibitor):
    email, _ = exhibitor()
    client = signed_in(app, email)
    reservation_id = client.post("/api/v1/booths/A02/reservations", json={}).json["id"]
    seen, interleaved = [], []

    def note_the_read(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "reservation_booth" in statement.lower():
            seen.append(statement)

    def cancel_in_between(connection, cursor, statement, parameters, context, executemany):
        """Right after the plan has read the active booth rows, another request cancels."""
        if not seen or interleaved:
            return
        interleaved.append(statement)
        with db.engine.connect() as other:
            other.execute(text("UPDATE booth_reservation SET state = 'cancelled' WHERE id = :id"),
                          {"id": reservation_id})
            other.execute(text("UPDATE reservation_booth SET active = :no WHERE reservation_id = :id"),
                          {"id": reservation_id, "no": False})
            other.commit()

    with app.app_context():
        event.listen(db.engine, "after_cursor_execute", note_the_read)
        event.listen(db.engine, "before_cursor_execute", cancel_in_between)
        try:
            page = app.test_client().get("/plan?lang=en")
        finally:
            event.remove(db.engine, "after_cursor_execute", note_the_read)
            event.remove(db.engine, "before_cursor_execute", cancel_in_between)
    assert interleaved, "the cancellation was not interleaved"
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-code="A02" data-status="held"' in html or 'data-code="A02" data-status="available"' in html
