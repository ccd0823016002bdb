"""One membership rule (`Enterprise.has_member`): who acts for an enterprise, and every place that
asks. Enterprise A of the small fair has an owner, a member, a person whose request to join
waits, and a member whose account was deactivated; a member of B is from another firm."""

import pytest
from flask_login import login_user
from sqlalchemy import select

from fairmatch.auth import services as accounts
from fairmatch.auth.decorators import may_act_for
from fairmatch.auth.models import User
from fairmatch.booths import services as booths
from fairmatch.booths.booking_rights import check_may_book
from fairmatch.enterprises.models import Enterprise, Membership
from fairmatch.errors import NotAllowed
from fairmatch.extensions import db
from fairmatch.matching import sourcing
from fairmatch.meetings import day
from fairmatch.meetings import services as meetings
from fairmatch.meetings.models import Meeting, MeetingRequest
from tests.security.conftest import EXHIBITOR_A, EXHIBITOR_B, _user

OWNER, MEMBER, PENDING, INACTIVE, OTHER_FIRM = "owner", "member", "pending", "inactive member", "other firm"
PEOPLE = (OWNER, MEMBER, PENDING, INACTIVE, OTHER_FIRM)


@pytest.fixture
def people(world):
    """Each kind of person, by email; A's member and its deactivated member are added to the world."""
    with world.app.app_context():
        a = db.session.scalar(select(Enterprise).where(Enterprise.key == world.keys["A"]))
        member = _user("member@example.vn", "exhibitor", a)
        member_of_a = db.session.scalar(select(Membership).where(Membership.user == member))
        member_of_a.is_owner = False
        _user("gone@example.vn", "exhibitor", a).active = False
        db.session.commit()
    return {OWNER: world.emails[EXHIBITOR_A], MEMBER: "member@example.vn", PENDING: "joiner@example.vn",
            INACTIVE: "gone@example.vn", OTHER_FIRM: world.emails[EXHIBITOR_B]}


def _one(model, **where):
    return db.session.scalar(select(model).filter_by(**where))


def _a(world) -> Enterprise:
    return _one(Enterprise, key=world.keys["A"])


def _published_meeting(world) -> Meeting:
    return db.session.get(Meeting, world.ids["meeting_id"])


def _membership_of(email: str) -> Membership:
    return db.session.scalar(select(Membership).join(User).where(User.email == email))


# Each place that asks the rule: (what it does for `user` in `world`, only owners may).
PLACES = {
    "the rule itself": (lambda world, user: _a(world).has_member(user) or _refuse(), False),
    "the rule for owners": (lambda world, user: _a(world).has_member(user, owner=True) or _refuse(), True),
    "seeing a booth reservation": (lambda world, user: booths.reservation_for(world.ids["reservation_id"], user),
                                   False),
    "reserving a booth": (lambda world, user: check_may_book(_a(world), user), False),
    "seeing a sourcing request": (lambda world, user: sourcing.request_for(world.ids["sourcing_request_id"], user),
                                  False),
    "seeing a meeting request": (lambda world, user: meetings.request_for(world.ids["meeting_request_id"], user),
                                 False),
    "answering a meeting request": (lambda world, user: meetings.answer(
        db.session.get(MeetingRequest, world.ids["meeting_request_id"]), user, accept=True), False),
    # The receiver may call off an accepted request (a pending one it declines instead).
    "calling off a meeting request": (lambda world, user: meetings.cancel(_accepted(world), user), False),
    "cancelling a meeting": (lambda world, user: day.cancel(_published_meeting(world), user), False),
    "marking a meeting held": (lambda world, user: day.mark(_published_meeting(world), "held", user), False),
    "deciding on a request to join": (lambda world, user: accounts.decide_membership(
        world.ids["membership_id"], True, user), True),
    "making a member an owner": (lambda world, user: accounts.make_owner(
        _membership_of("member@example.vn").id, user), True),
    "editing the profile": (lambda world, user: _as_signed_in(user, lambda: may_act_for(_a(world)) or _refuse()),
                            False),
}


def _accepted(world) -> MeetingRequest:
    meeting_request = db.session.get(MeetingRequest, world.ids["meeting_request_id"])
    meeting_request.state = "accepted"
    return meeting_request


def _refuse():
    raise NotAllowed("not a member")


def _as_signed_in(user: User, check):
    """Run `check` in a request of `user`, as if its session was opened before any deactivation."""
    login_user(user, force=True)
    return check()


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("place", PLACES)
def test_only_approved_active_members_act_for_their_enterprise(world, people, place, person):
    act, owners_only = PLACES[place]
    allowed = person == OWNER or (person == MEMBER and not owners_only)
    with world.app.test_request_context("/"):
        user = _one(User, email=people[person])
        if allowed:
            act(world, user)
        else:
            with pytest.raises(NotAllowed):
                act(world, user)


def test_the_rule_does_not_count_organizers_as_members(world):
    with world.app.app_context():
        organizer = _one(User, role="organizer")
        assert not _a(world).has_member(organizer)


def test_a_deactivated_owner_is_no_longer_among_the_owners_who_decide(world, people):
    with world.app.app_context():
        owner = _one(User, email=people[OWNER])
        a = _a(world)
        assert owner in a.owners
        owner.active = False
        assert owner not in a.owners and owner not in a.members
        assert not a.has_member(owner, owner=True)
