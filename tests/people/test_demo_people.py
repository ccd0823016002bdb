"""seed-demo names the people who come: staff for every confirmed exhibitor (within its limit),
delegates for every buyer, and the organizer's guests, press and staff; the badges PDF has one badge
for each of them, with booth codes on exhibitors' badges."""

import io
import re

from pypdf import PdfReader
from sqlalchemy import func, select

from fairmatch.booths.queries import exhibitor_booths
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.forms import is_plain_name
from fairmatch.people.forms import PHONE
from fairmatch.people.models import FairPerson
from tests.conftest import signed_in


def test_the_demo_fair_badges_every_person_who_comes(app, runner):
    assert runner.invoke(args=["seed-demo", "--enterprises", "40"]).exit_code == 0
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        booths = exhibitor_booths(fair.id)
        people = db.session.scalars(select(FairPerson)).all()
        per_enterprise = dict(
            db.session.execute(select(FairPerson.enterprise_id, func.count()).group_by(FairPerson.enterprise_id)).all()
        )
        buyers = db.session.scalars(
            select(Enterprise.id).where(Enterprise.kind == "buyer", Enterprise.id.not_in(booths))
        ).all()
        codes = {enterprise_id: ", ".join(b.code for b in held) for enterprise_id, held in booths.items()}
        assert booths and buyers
        for enterprise_id, held in booths.items():
            assert 1 <= per_enterprise.get(enterprise_id, 0) <= len(held) * fair.staff_per_booth, enterprise_id
        assert all(1 <= per_enterprise.get(buyer, 0) <= fair.delegates_per_buyer for buyer in buyers)
        assert {person.role for person in people if person.enterprise_id is None} == {"guest", "press", "organizer"}
        assert all(is_plain_name(p.full_name) and PHONE.match(p.phone) for p in people)
        count = len(people)

    organizer = signed_in(app, "btc@demo.fairmatch.vn", "hoicho-2026")
    pdf = PdfReader(io.BytesIO(organizer.get("/print/badges.pdf?lang=en").data))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert len(set(re.findall(r"FM-P\d+-[0-9A-F]{10}", text))) == count
    assert len(pdf.pages) == -(-count // 10)
    for booth_codes in codes.values():
        assert f"Booth {booth_codes}" in " ".join(text.split()), booth_codes
