"""Every route of the app, HTML and API, visited by five kinds of visitor, against one table.

The table is keyed by endpoint and method. A route the table does not know fails the test, so a
new route cannot be added without saying who may use it. Every URL points at things owned by
enterprise A (see conftest.py), so exhibitor B, the buyer and the organizer show how the app
treats other people's things.
"""

import re
from dataclasses import dataclass, field

import pytest

from tests.security.conftest import (
    ANONYMOUS,
    BUYER,
    EXHIBITOR_A,
    EXHIBITOR_B,
    ORGANIZER,
    PERSONAS,
    arguments,
    rule_url,
)

SIGNED_IN_PERSONAS = frozenset(PERSONAS) - {ANONYMOUS}
MEMBERS_OF_A = frozenset({EXHIBITOR_A, ORGANIZER})


@dataclass(frozen=True)
class Expect:
    """Who may use a route, and the status each visitor gets.

    `ok` is the status for those let in (an int, or a dict by persona for the few routes whose
    answer differs by who asks); `refused` is what a signed-in visitor who is not let in gets,
    `anonymous` what a visitor who is not signed in gets when not let in (a redirect to the
    sign-in page for pages, 401 for the API).
    """

    allowed: frozenset
    ok: int | tuple | dict = 200
    refused: int = 403
    anonymous: int = 302

    def statuses_for(self, persona: str) -> tuple:
        if persona in self.allowed:
            ok = self.ok.get(persona, self.ok.get("*", 200)) if isinstance(self.ok, dict) else self.ok
            return ok if isinstance(ok, tuple) else (ok,)
        return (self.anonymous if persona == ANONYMOUS else self.refused,)

    def but(self, **changes) -> "Expect":
        return Expect(**({"allowed": self.allowed, "ok": self.ok, "refused": self.refused,
                          "anonymous": self.anonymous} | changes))


PUBLIC = Expect(frozenset(PERSONAS))
SIGNED_IN = Expect(SIGNED_IN_PERSONAS)
ORGANIZER_ONLY = Expect(frozenset({ORGANIZER}))
MEMBER_OF_OWNER = Expect(MEMBERS_OF_A)
EXHIBITORS = Expect(frozenset({EXHIBITOR_A, EXHIBITOR_B}))
# Pages of one's own enterprise: organizers act for none, so they are refused these.
ACTING_FOR_AN_ENTERPRISE = Expect(frozenset({EXHIBITOR_A, EXHIBITOR_B, BUYER}))
ANSWERED_BY_A = Expect(frozenset({EXHIBITOR_A}))
API_PUBLIC = PUBLIC
API_SIGNED_IN = SIGNED_IN.but(anonymous=401)
API_MEMBER_OF_OWNER = MEMBER_OF_OWNER.but(anonymous=401)

# The form posts send an empty form: those let in see the form again with its errors (422),
# actions without fields are carried out (302 back to a page).
EXPECTATIONS: dict[tuple[str, str], Expect] = {
    ("home.index", "GET"): PUBLIC,
    ("home.healthz", "GET"): PUBLIC,
    ("home.privacy", "GET"): PUBLIC,
    ("static", "GET"): PUBLIC,
    # Accounts
    ("auth.login", "GET"): PUBLIC,
    ("auth.login", "POST"): PUBLIC.but(ok=422),
    ("auth.register", "GET"): PUBLIC,
    ("auth.register", "POST"): PUBLIC.but(ok=422),
    ("auth.forgot_password", "GET"): PUBLIC,
    ("auth.forgot_password", "POST"): PUBLIC.but(ok=422),
    ("auth.reset_password", "GET"): PUBLIC,
    ("auth.reset_password", "POST"): PUBLIC.but(ok=422),
    ("auth.logout", "POST"): PUBLIC.but(ok=302),
    ("auth.account", "GET"): SIGNED_IN,
    ("auth.change_password", "GET"): SIGNED_IN,
    ("auth.change_password", "POST"): SIGNED_IN.but(ok=422),
    ("auth.create_token", "POST"): SIGNED_IN.but(ok=302),
    ("auth.revoke_token", "POST"): Expect(frozenset({EXHIBITOR_A}), ok=302, refused=404),
    ("auth.team", "GET"): SIGNED_IN,
    ("auth.decide", "POST"): MEMBER_OF_OWNER.but(ok=302),
    # Enterprises
    ("enterprises.directory", "GET"): PUBLIC,
    ("enterprises.profile", "GET"): PUBLIC,
    ("enterprises.logo", "GET"): PUBLIC.but(ok=404),  # A has no logo
    ("matching.chain", "GET"): PUBLIC,
    ("enterprises.edit", "GET"): MEMBER_OF_OWNER,
    # An empty post changes nothing: the forms keep the saved values, so the save goes through.
    ("enterprises.edit", "POST"): MEMBER_OF_OWNER.but(ok=302),
    ("enterprises.upload_logo", "POST"): MEMBER_OF_OWNER.but(ok=422),
    ("enterprises.delete_logo", "POST"): MEMBER_OF_OWNER.but(ok=302),
    ("enterprises.product", "GET"): MEMBER_OF_OWNER,
    # An existing product or need keeps its values (saved, 302); a new one lacks its category (422).
    ("enterprises.product", "POST"): MEMBER_OF_OWNER.but(ok=(302, 422)),
    ("enterprises.delete_product", "POST"): MEMBER_OF_OWNER.but(ok=302),
    ("enterprises.need", "GET"): MEMBER_OF_OWNER,
    ("enterprises.need", "POST"): MEMBER_OF_OWNER.but(ok=(302, 422)),
    ("enterprises.delete_need", "POST"): MEMBER_OF_OWNER.but(ok=302),
    # Booths
    ("booths.plan", "GET"): PUBLIC,
    ("booths.plan_state", "GET"): PUBLIC,
    ("booths.booth", "GET"): PUBLIC,
    ("booths.reserve", "POST"): EXHIBITORS.but(ok=302),  # A01 is held by A already: back to the plan, with why
    ("booths.my_booths", "GET"): SIGNED_IN,
    ("booths.reservation", "GET"): MEMBER_OF_OWNER,
    ("booths.act_on_reservation", "POST"): MEMBER_OF_OWNER.but(ok=302),
    ("booths.payment_request", "GET"): MEMBER_OF_OWNER.but(ok=409),  # only once the application is submitted
    ("booths.waitlist", "POST"): EXHIBITORS.but(ok=422),
    ("booths.leave_waitlist", "POST"): MEMBER_OF_OWNER.but(ok=302),  # unconfirmed: back to "My booths"
    # Matching
    ("matching.my_matches", "GET"): SIGNED_IN,
    ("matching.not_relevant", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=422),
    ("matching.my_requests", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("matching.my_requests", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=422),
    ("matching.request_detail", "GET"): MEMBER_OF_OWNER,
    # Meetings
    ("meetings.mine", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("meetings.ask", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=404),  # no enterprise named in the empty form
    ("meetings.act", "POST"): ANSWERED_BY_A.but(ok=302),
    ("meetings.agenda", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("meetings.agenda_pdf", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("meetings.agenda_ics", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("meetings.calendar_feed", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=302),
    ("meetings.feed", "GET"): PUBLIC,  # the secret in the address is the key
    ("notifications.inbox", "GET"): SIGNED_IN,
    ("notifications.mark_read", "POST"): SIGNED_IN.but(ok=302),
    # Organizer
    ("organizer.index", "GET"): ORGANIZER_ONLY,
    ("booth_console.queue", "GET"): ORGANIZER_ONLY,
    ("booth_console.halls", "GET"): ORGANIZER_ONLY,
    # Console forms choose what to do by their "action" button: without one, the page shows again.
    ("booth_console.halls", "POST"): ORGANIZER_ONLY,
    ("booth_console.edit_booth", "POST"): ORGANIZER_ONLY.but(ok=302),
    ("booth_console.reservation", "GET"): ORGANIZER_ONLY,
    ("booth_console.reservation", "POST"): ORGANIZER_ONLY,
    ("enterprises.verification", "GET"): ORGANIZER_ONLY,
    ("enterprises.review_enterprise", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("enterprises.review_claim", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("enterprises.taxonomy_index", "GET"): ORGANIZER_ONLY,
    ("enterprises.category", "GET"): ORGANIZER_ONLY,
    ("enterprises.category", "POST"): ORGANIZER_ONLY.but(ok=(302, 422)),  # as products: kept, or no code
    ("enterprises.delete_category", "POST"): ORGANIZER_ONLY.but(ok=422),  # A's sourcing request uses it
    ("enterprises.exchange", "GET"): ORGANIZER_ONLY,
    ("enterprises.exchange", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("enterprises.export_json", "GET"): ORGANIZER_ONLY,
    ("enterprises.export_directory", "GET"): ORGANIZER_ONLY,
    ("matching.supply_chain", "GET"): ORGANIZER_ONLY,
    ("matching.supply_chain_export", "GET"): ORGANIZER_ONLY,
    ("prints.floor_plan", "GET"): ORGANIZER_ONLY,
    ("prints.booth_signs", "GET"): ORGANIZER_ONLY,
    ("prints.agendas", "GET"): ORGANIZER_ONLY,
    ("prints.tables", "GET"): ORGANIZER_ONLY,
    # API
    ("api.openapi", "GET"): API_PUBLIC,
    ("api.enterprises", "GET"): API_PUBLIC,
    ("api.booth_list", "GET"): API_PUBLIC,
    ("api.reserve_booth", "POST"): EXHIBITORS.but(ok=409, anonymous=401),
    ("api.submit_reservation", "POST"): API_MEMBER_OF_OWNER,
    ("api.cancel_reservation", "DELETE"): API_MEMBER_OF_OWNER,
    ("api.enterprise_matches", "GET"): API_SIGNED_IN,
    ("api.create_meeting_request", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=422, anonymous=401),
    # .../accept answers the request, so .../decline then finds it answered.
    ("api.answer_meeting_request", "POST"): ANSWERED_BY_A.but(ok=(200, 409), anonymous=401),
    ("api.my_agenda", "GET"): ACTING_FOR_AN_ENTERPRISE.but(anonymous=401),
    # A job is seen by whoever started it (here the organizer) and by organizers; to anyone else it
    # does not exist.
    ("api.job", "GET"): ORGANIZER_ONLY.but(refused=404, anonymous=401),
    ("jobs.page", "GET"): ORGANIZER_ONLY.but(refused=404),
    ("api.schedule_run", "POST"): ORGANIZER_ONLY.but(ok=202, anonymous=401),
    # Personal data
    ("auth.download_my_data", "GET"): SIGNED_IN,
    ("auth.erase_account", "GET"): SIGNED_IN,
    ("auth.erase_account", "POST"): SIGNED_IN.but(ok=422),
    ("auth.make_owner", "POST"): MEMBER_OF_OWNER.but(ok=409),  # the membership is still a request
    ("auth.verify_email", "GET"): PUBLIC.but(ok=404),  # not a signed confirmation link
    ("auth.resend_verification", "POST"): SIGNED_IN.but(ok=302),
    # Deals: the follow-up form opens from a signed link, without sign-in; the organizer's rates
    ("followup.answer", "GET"): PUBLIC.but(ok=400),  # not a signed follow-up link
    ("followup.answer", "POST"): PUBLIC.but(ok=400),
    ("followup.exchange_rates", "GET"): ORGANIZER_ONLY,
    ("followup.exchange_rates", "POST"): ORGANIZER_ONLY.but(ok=422),  # an empty form: no currency
    # Meetings: the day
    ("meetings.ask", "GET"): ACTING_FOR_AN_ENTERPRISE.but(ok=404),  # no enterprise named
    ("meetings.availability", "GET"): ACTING_FOR_AN_ENTERPRISE,
    ("meetings.availability", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=302),
    # A hosts the meeting and marks it held; others find no such meeting on their agenda.
    ("meetings.agenda_action", "POST"): Expect(frozenset({EXHIBITOR_A, EXHIBITOR_B, BUYER}),
                                               ok={EXHIBITOR_A: 302, "*": 404}),
    ("meeting_console.index", "GET"): ORGANIZER_ONLY,
    ("meeting_console.index", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("meeting_console.run", "POST"): ORGANIZER_ONLY.but(ok=303),
    ("meeting_console.publish", "POST"): ORGANIZER_ONLY.but(ok=302),
    ("meeting_console.meeting", "GET"): ORGANIZER_ONLY,
    ("meeting_console.meeting", "POST"): ORGANIZER_ONLY.but(ok=422),  # no action chosen
    ("meeting_console.fill_freed_slot", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("meeting_console.check_in", "GET"): ORGANIZER_ONLY,
    ("meeting_console.check_in", "POST"): ORGANIZER_ONLY.but(ok=422),  # no code
    # Organizer: queues, team, editions, outbox, records, prints
    ("booth_console.bulk", "POST"): ORGANIZER_ONLY.but(ok=400),  # no action button: not a form of ours
    ("booth_console.transfer", "POST"): ORGANIZER_ONLY.but(ok=422),  # an empty form: nothing recorded
    ("enterprises.bulk_review", "POST"): ORGANIZER_ONLY.but(ok=400),
    ("organizer_team.index", "GET"): ORGANIZER_ONLY,
    ("organizer_team.invite", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("organizer_team.set_active", "POST"): ORGANIZER_ONLY.but(ok=422),  # not oneself
    ("organizer_team.decide", "POST"): ORGANIZER_ONLY.but(ok=409),  # A has an owner, who decides
    ("organizer_team.accept", "GET"): PUBLIC.but(ok=404),  # not an invitation
    ("organizer_team.accept", "POST"): PUBLIC.but(ok=404),
    ("editions.index", "GET"): ORGANIZER_ONLY,
    ("editions.index", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("editions.edition", "GET"): ORGANIZER_ONLY,
    ("editions.mark_current", "POST"): ORGANIZER_ONLY.but(ok=302),
    ("editions.document_settings", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("notifications.outbox", "GET"): ORGANIZER_ONLY,
    ("notifications.retry", "POST"): ORGANIZER_ONLY.but(ok=302),
    ("organizer.audit", "GET"): ORGANIZER_ONLY,
    ("organizer.export", "GET"): ORGANIZER_ONLY,
    ("organizer.report", "GET"): ORGANIZER_ONLY,
    # The recognised-products register: an empty upload is refused (422); inviting with nobody to invite redirects
    ("register.index", "GET"): ORGANIZER_ONLY,
    ("register.index", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("register.invite", "POST"): ORGANIZER_ONLY.but(ok=302),
    # Support for exhibitors: an empty form lacks the rule's names and budget
    ("support.rules", "GET"): ORGANIZER_ONLY,
    ("support.rules", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("prints.catalogue", "GET"): ORGANIZER_ONLY,
    ("prints.badges", "GET"): ORGANIZER_ONLY,
    ("prints.grid", "GET"): ORGANIZER_ONLY,
    ("prints.report", "GET"): ORGANIZER_ONLY,
    # People at the fair: A's list (A's person), the organizer's list, one badge reprinted
    ("people.mine", "GET"): ACTING_FOR_AN_ENTERPRISE.but(ok=302),
    ("people.enterprise_list", "GET"): MEMBER_OF_OWNER,
    ("people.enterprise_list", "POST"): MEMBER_OF_OWNER.but(ok=422),  # A01 is only held: A names nobody yet
    ("people.edit", "GET"): MEMBER_OF_OWNER,
    ("people.edit", "POST"): MEMBER_OF_OWNER.but(ok=302),  # an empty post keeps the saved values
    ("people.remove", "POST"): MEMBER_OF_OWNER.but(ok=302),
    ("people.console", "GET"): ORGANIZER_ONLY,
    ("people.console", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("people.settings", "GET"): ORGANIZER_ONLY,
    ("people.settings", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("people.visitor", "GET"): ORGANIZER_ONLY.but(ok=404),  # A's person is on A's list, not the organizer's
    ("people.visitor", "POST"): ORGANIZER_ONLY.but(ok=404),
    ("people.remove_visitor", "POST"): ORGANIZER_ONLY.but(ok=404),
    ("people.badge", "GET"): ORGANIZER_ONLY,
    # Side events: the world has none, so an event's pages answer 404 to those let in.
    ("events.programme", "GET"): PUBLIC,
    ("events.event", "GET"): PUBLIC.but(ok=404),
    ("events.register", "POST"): ACTING_FOR_AN_ENTERPRISE.but(ok=404),
    ("events.leave", "POST"): SIGNED_IN.but(ok=404),
    ("events.console", "GET"): ORGANIZER_ONLY,
    ("events.console", "POST"): ORGANIZER_ONLY.but(ok=422),
    ("events.edit", "GET"): ORGANIZER_ONLY.but(ok=404),
    ("events.edit", "POST"): ORGANIZER_ONLY.but(ok=404),
    ("events.check_in", "GET"): ORGANIZER_ONLY.but(ok=404),
    ("events.check_in", "POST"): ORGANIZER_ONLY.but(ok=404),
    ("events.propose", "POST"): ORGANIZER_ONLY.but(ok=404),
}

@dataclass(order=True)
class Visit:
    order: int
    url: str
    method: str
    endpoint: str = field(compare=False)


def visits(app, values: dict) -> list[Visit]:
    """One visit per route and method, reads first and destructive actions last."""
    found = []
    for rule in app.url_map.iter_rules():
        url = rule_url(rule, values)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            destructive = method == "DELETE" or re.search(r"delete|cancel|revoke|decide|act\b|logout", rule.endpoint)
            order = 0 if method == "GET" else (3 if rule.endpoint == "auth.logout" else (2 if destructive else 1))
            found.append(Visit(order, url, method, rule.endpoint))
    return sorted(found)


def test_every_route_is_in_the_expectation_table(app):
    routes = {(rule.endpoint, method) for rule in app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes - EXPECTATIONS.keys() == set(), "new routes: say in EXPECTATIONS who may use them"
    assert EXPECTATIONS.keys() - routes == set(), "routes that no longer exist"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:", re.I)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_answers_each_visitor_as_the_table_says(world, persona):
    client = world.client(persona)
    wrong = []
    for visit in visits(world.app, arguments(world)):
        expected = EXPECTATIONS[(visit.endpoint, visit.method)].statuses_for(persona)
        response = client.open(visit.url, method=visit.method, data={} if visit.method != "GET" else None)
        if response.status_code not in expected:
            wrong.append(f"{visit.method} {visit.url} ({visit.endpoint}): {response.status_code}, expected {expected}")
        assert response.headers.get("X-Content-Type-Options") == "nosniff", visit.url
        assert "frame-ancestors 'none'" in response.headers.get("Content-Security-Policy", ""), visit.url
        if visit.url.startswith("/api/") and response.status_code >= 400:
            assert response.mimetype == "application/problem+json", visit.url
        if response.mimetype == "text/html":
            # The pages obey their own Content-Security-Policy: no inline script, handler or style.
            inline = INLINE_SCRIPT.search(response.get_data(as_text=True))
            assert inline is None, f"{visit.url}: {inline.group(0)!r} would be blocked by the CSP"
        response.close()
    assert not wrong, "\n".join(wrong)
