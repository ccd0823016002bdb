from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from fairmatch.enterprises.models import Category, Enterprise, Product
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.meetings.models import Meeting, MeetingRequest
from tests.conftest import signed_in

FAIR_ENDS = date(2026, 10, 18)


@dataclass
class Pair:
    """A held meeting of the test fair between a Vietnamese supplier and a Japanese buyer."""

    meeting_id: int
    supplier: object  # signed-in client of the supplier (the host)
    buyer: object  # signed-in client of the buyer
    supplier_email: str
    buyer_email: str
    category_id: int


@pytest.fixture
def held(app, make_fair, make_enterprise, make_user):
    """Make a held meeting (by default of the 15–18 October 2026 fair); returns a Pair."""

    def make(**fair) -> Pair:
        make_fair(**fair)
        supplier_key = make_enterprise(name_vi="Công ty Cơ khí Hòa Lạc")
        buyer_key = make_enterprise(
            key="JP-0104010012345",
            tax_code=None,
            country="JP",
            registration_no="0104010012345",
            name_vi=None,
            name_en="Sakura Motor Parts K.K.",
            kind="buyer",
        )
        supplier_email = make_user(enterprise=supplier_key)
        buyer_email = make_user("buyer", enterprise=buyer_key, locale="en")
        with app.app_context():
            supplier, buyer = (
                db.session.scalar(select(Enterprise).where(Enterprise.key == key)) for key in (supplier_key, buyer_key)
            )
            category = Category(
                code="TEST.CASTING", name_vi="Đúc nhôm áp lực", name_en="Aluminium die castings", sector="mechanics"
            )
            db.session.add(Product(enterprise=supplier, category=category, name_vi="Vỏ hộp số đúc"))
            fair = db.session.scalar(select(Fair).where(Fair.is_current))
            request = MeetingRequest(
                fair_id=fair.id, from_enterprise_id=buyer.id, to_enterprise_id=supplier.id, state="accepted"
            )
            start = datetime.combine(fair.starts_on, datetime.min.time(), tzinfo=UTC).replace(hour=2)
            meeting = Meeting(
                fair_id=fair.id,
                request=request,
                slot_id="s1",
                starts_at=start,
                ends_at=start.replace(hour=3),
                table="1",
                state="held",
            )
            db.session.add(meeting)
            db.session.commit()
            ids = meeting.id, category.id
        return Pair(
            ids[0], signed_in(app, supplier_email), signed_in(app, buyer_email), supplier_email, buyer_email, ids[1]
        )

    return make
