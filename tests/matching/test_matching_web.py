"""Matching through the command line, the API and the "My matches" page, on the public cases."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from fairmatch.auth.models import User
from fairmatch.database import utcnow
from fairmatch.enterprises.models import Enterprise, Product
from fairmatch.extensions import db
from tests.conftest import PASSWORD

DATA = Path(__file__).resolve().parents[1] / "supplychain" / "data"
EXPECTATIONS = json.loads((DATA / "expect.json").read_text(encoding="utf-8"))


@pytest.fixture
def cases(app, runner):
    """The public matching ecosystem, imported through the CLI."""
    result = runner.invoke(args=["import-data", str(DATA / "cases.json")])
    assert result.exit_code == 0, result.stderr
    return app


def cli_matches(runner, key, *options):
    result = runner.invoke(args=["matches", "--tax-code", key, *options, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", EXPECTATIONS, ids=lambda c: f"{c['q']}-{c['dir']}")
def test_the_public_cases_come_out_right_through_the_command_line(cases, runner, case):
    found = cli_matches(runner, case["q"], "--direction", case["dir"])
    ranks = {m["tax_code"]: m["rank"] for m in found}
    for key, worst in case["top"].items():
        assert ranks.get(key, 999) <= worst, (key, ranks)
    top_ten = {m["tax_code"] for m in found if m["rank"] <= 10}
    assert not top_ten & set(case["absent"])
    for better, worse in case["before"]:
        assert worse not in ranks or ranks[better] < ranks[worse]
    for match in found:
        assert set(match) == {"rank", "key", "tax_code", "name", "score", "explanation", "path", "tier", "relation"}
        assert match["explanation"] and 0 <= match["score"] <= 1 and len(match["path"]) >= 1


def test_explanations_follow_the_language(cases, runner):
    key = EXPECTATIONS[0]["q"]
    english = cli_matches(runner, key, "--lang", "en")[0]["explanation"]
    vietnamese = cli_matches(runner, key, "--lang", "vi")[0]["explanation"]
    assert english.startswith("You make") and not vietnamese.startswith("You make")


def test_bad_input_to_the_matches_command_exits_1_with_a_message(cases, runner):
    unknown = runner.invoke(args=["matches", "--tax-code", "0100109106", "--json"])
    assert unknown.exit_code == 1 and "0100109106" in unknown.stderr and unknown.stdout == ""
    bad = runner.invoke(args=["matches", "--tax-code", EXPECTATIONS[0]["q"], "--lang", "fr", "--limit", "x"])
    assert bad.exit_code == 1
    assert [line.split(":")[0] for line in bad.stderr.strip().splitlines()] == ["lang", "limit"]
    direction = runner.invoke(args=["matches", "--tax-code", EXPECTATIONS[0]["q"], "--direction", "up"])
    assert direction.exit_code == 1 and "direction" in direction.stderr


def test_the_api_needs_a_signed_in_user_and_returns_the_same_objects(cases, runner, make_user):
    key = EXPECTATIONS[0]["q"]
    client = cases.test_client()
    assert client.get(f"/api/v1/enterprises/{key}/matches").status_code == 401
    client.post("/login", data={"email": make_user("buyer"), "password": PASSWORD})
    response = client.get(f"/api/v1/enterprises/{key}/matches?limit=5&lang=en")
    assert response.status_code == 200
    assert response.json == cli_matches(runner, key, "--limit", "5")
    assert client.get("/api/v1/enterprises/0100109106/matches").status_code == 404
    assert client.get(f"/api/v1/enterprises/{key}/matches?direction=sideways").status_code == 422
    assert client.get(f"/api/v1/enterprises/{key}/matches?limit=0").status_code == 422


def test_editing_a_profile_changes_matches_without_a_restart(cases, runner):
    case = EXPECTATIONS[0]
    best = next(key for key, worst in case["top"].items() if worst == 1)
    assert cli_matches(runner, case["q"])[0]["tax_code"] == best
    with cases.app_context():
        supplier = db.session.scalar(select(Enterprise).where(Enterprise.key == best))
        for product in db.session.scalars(select(Product).where(Product.enterprise_id == supplier.id)):
            db.session.delete(product)
        db.session.commit()
    assert best not in {m["tax_code"] for m in cli_matches(runner, case["q"])}


def test_my_matches_page_shows_explanations_and_forgets_a_partner_marked_not_relevant(cases, make_user):
    key = EXPECTATIONS[0]["q"]
    client = cases.test_client()
    client.post("/login", data={"email": make_user(enterprise=key), "password": PASSWORD})
    page = client.get("/me/matches?lang=en").get_data(as_text=True)
    first = cli_matches(cases.test_cli_runner(), key)[0]
    assert first["name"] in page and "You make" in page
    client.post("/me/matches/not-relevant", data={"partner": first["key"], "direction": "suppliers"})
    assert f'value="{first["key"]}"' not in client.get("/me/matches").get_data(as_text=True)


def test_the_graph_refreshes_even_after_its_change_feed_was_pruned(cases, runner):
    from fairmatch.matching.models import GraphChange

    case = EXPECTATIONS[0]
    best = next(key for key, worst in case["top"].items() if worst == 1)
    assert cli_matches(runner, case["q"])[0]["tax_code"] == best
    with cases.app_context():
        db.session.query(GraphChange).delete()
        db.session.commit()
        supplier = db.session.scalar(select(Enterprise).where(Enterprise.key == best))
        supplier.products.clear()
        db.session.commit()
    assert best not in {m["tax_code"] for m in cli_matches(runner, case["q"])}


def test_my_matches_can_be_narrowed_by_sector_fair_presence_and_verification(cases, make_user):
    import re

    from fairmatch.enterprises.models import EnterpriseSector

    key = EXPECTATIONS[0]["q"]
    client = cases.test_client()
    client.post("/login", data={"email": make_user(enterprise=key), "password": PASSWORD})

    def partners(query):
        page = client.get(f"/me/matches?{query}").get_data(as_text=True)
        return re.findall(r'name="partner" value="([^"]+)"', page)

    everyone = partners("direction=suppliers")
    with cases.app_context():
        sectors = {k: set(db.session.scalars(
            select(EnterpriseSector.sector).join(Enterprise).where(Enterprise.key == k))) for k in everyone}
    sector = next(iter(sectors[everyone[-1]]))
    narrowed = partners(f"direction=suppliers&sector={sector}")
    assert narrowed and set(narrowed) <= set(everyone) and len(narrowed) < len(everyone)
    assert all(sector in sectors[k] for k in narrowed)
    assert partners("direction=suppliers&verified=1") == everyone  # imported profiles count as verified
    assert partners("direction=suppliers&at_fair=1") == []  # nobody in the cases has a booth


def test_an_enterprise_registered_by_an_unconfirmed_address_is_offered_to_no_one(cases, runner, make_user):
    case = next(c for c in EXPECTATIONS if c["top"])
    top = min(case["top"], key=case["top"].get)
    assert top in {m["tax_code"] for m in cli_matches(runner, case["q"], "--direction", case["dir"])}
    email = make_user("exhibitor", enterprise=top)
    _confirmed(cases, email, None)
    assert top not in {m["tax_code"] for m in cli_matches(runner, case["q"], "--direction", case["dir"])}
    _confirmed(cases, email, utcnow())
    assert top in {m["tax_code"] for m in cli_matches(runner, case["q"], "--direction", case["dir"])}


def _confirmed(app, email, when):
    with app.app_context():
        db.session.scalar(select(User).where(User.email == email)).email_verified_at = when
        db.session.commit()
