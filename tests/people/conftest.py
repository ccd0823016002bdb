"""A small fair for the lists of people: exhibitor A with one confirmed booth, exhibitor B with one,
a buyer, a supplier without a booth, and an organizer."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from fairmatch.booths.models import Booth, BoothReservation, ReservationBooth
from fairmatch.enterprises.models import Enterprise
from fairmatch.extensions import db
from fairmatch.fairs.models import Fair
from fairmatch.people.models import FairPerson


@dataclass
class PeopleFair:
    fair_id: int
    keys: dict[str, str]  # who → enterprise key
    emails: dict[str, str]  # who → email of a member (or the organizer)


def confirm_booths(app, key: str, codes: tuple[str, ...]) -> None:
    """Give the enterprise a confirmed (paid) reservation of these booths of the current fair."""
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.is_current))
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        booths = db.session.scalars(select(Booth).where(Booth.fair_id == fair.id, Booth.code.in_(codes))).all()
        db.session.add(
            BoothReservation(
                fair_id=fair.id,
                enterprise_id=enterprise.id,
                state="confirmed",
                items=[ReservationBooth(booth=booth) for booth in booths],
            )
        )
        db.session.commit()


@pytest.fixture
def people_fair(app, make_fair, make_enterprise, make_user) -> PeopleFair:
    fair_id = make_fair(booths_per_row=3)
    keys = {
        "a": make_enterprise(name_vi="Công ty TNHH Cơ khí Chính xác Hòa Lạc", name_en="Hoa Lac Precision Co., Ltd."),
        "b": make_enterprise(name_vi="Công ty CP Điện Tân Phong", name_en="Tan Phong Electric JSC"),
        "buyer": make_enterprise(
            name_vi="Công ty TNHH Mua hàng Kitaura", name_en="Kitaura Procurement Co., Ltd.", kind="buyer"
        ),
        "nobooth": make_enterprise(name_vi="Công ty TNHH Nhựa Vô Danh", name_en="Vo Danh Plastics Co., Ltd."),
    }
    confirm_booths(app, keys["a"], ("A01",))
    confirm_booths(app, keys["b"], ("A02",))
    emails = {
        "a": make_user("exhibitor", enterprise=keys["a"], name="Phạm Thị Hồng"),
        "b": make_user("exhibitor", enterprise=keys["b"], name="Trần Văn Dũng"),
        "buyer": make_user("buyer", enterprise=keys["buyer"], name="Lê Hoàng Nam"),
        "nobooth": make_user("exhibitor", enterprise=keys["nobooth"], name="Vũ Văn An"),
        "organizer": make_user("organizer", name="Ban tổ chức"),
    }
    return PeopleFair(fair_id, keys, emails)


def staff(name: str = "Nguyễn Thị Mai", position: str = "Trưởng phòng Kinh doanh", phone: str = "0912 345 678"):
    return {"full_name": name, "position": position, "phone": phone}


def names_on_list(app, key: str) -> list[str]:
    with app.app_context():
        enterprise = db.session.scalar(select(Enterprise).where(Enterprise.key == key))
        return list(
            db.session.scalars(
                select(FairPerson.full_name).where(FairPerson.enterprise_id == enterprise.id).order_by(FairPerson.id)
            )
        )


def person_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(select(FairPerson.id).where(FairPerson.full_name == name))
