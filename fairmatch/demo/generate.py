"""Build a deterministic, realistic demo fair as a `fairmatch-exchange/1` document.

The same seed always gives the same fair: all randomness comes from one `random.Random(seed)`,
and nothing depends on the clock. Proportions follow Hanoi's fair (per 300 enterprises: 45 lead
enterprises, 130 supporting-industry suppliers, 40 FDI firms, 70 buyers and 15 others).
"""

import math
import random
from collections import Counter

from fairmatch.demo import places, profiles, prose
from fairmatch.demo.allocate import Allocator
from fairmatch.demo.identifiers import IdentifierBook
from fairmatch.demo.names import Name, NameBook, Person
from fairmatch.demo.places import Site
from fairmatch.demo.taxonomy import Category, load_taxonomy

FORMAT = "fairmatch-exchange/1"
KIND_SHARES = {"lead": 45, "fdi": 40, "supplier": 130, "buyer": 70, "other": 15}
"""How many enterprises of each kind a fair of 300 has; other sizes scale these."""

FDI_COUNTRIES = {"JP": 35, "KR": 30, "TW": 10, "CN": 8, "SG": 6, "DE": 4, "US": 4, "FR": 2, "TH": 1}
# Foreign buyers come from countries whose registration numbers carry a check rule fairmatch
# verifies (`fairmatch.common.registration_numbers`): a demo identifier is never made up.
BUYER_COUNTRIES = {"JP": 6, "KR": 6, "TW": 3, "AU": 3, "FR": 3, "TH": 2, "CN": 2}
EXPORT_MARKETS = (
    *("LA", "KH", "TH", "MY", "SG", "PH", "ID", "MM"),
    *("JP", "KR", "CN", "TW", "IN", "AE", "AU"),
    *("US", "DE", "FR", "NL", "GB"),
)
RECOGNITION_YEARS = {2022: 2, 2023: 2, 2024: 3, 2025: 3}
HOUSEHOLD_CODES = frozenset(
    {
        "MECH.CNC_TURNED",
        "MECH.SHEET_METAL",
        "MECH.STAMPED_PARTS",
        "MECH.SPRINGS",
        "CAST.GREY_IRON",
        "CAST.BRASS",
        "SURF.ELECTROPLATING",
        "SURF.POWDER_COATING",
        "SURF.HEAT_TREATMENT",
        "PLAS.INJECTION_PARTS",
        "MOULD.COMPONENTS",
        "PACK.CARTON",
        "PACK.WOVEN_BAG",
        "TEX.LABELS",
        "TEX.BUTTONS",
        "FOOD.SPICES",
        "FOOD.RICE_FLOUR",
    }
)
"""What a household workshop in a craft commune plausibly makes."""
COOPERATIVE_PRODUCTS = frozenset(
    {
        "FOOD.FRESH_PRODUCE",
        "FOOD.RAW_MILK",
        "FOOD.FRESH_MEAT",
        "FOOD.MEDICINAL_HERBS",
        "FOOD.TEA",
        "FOOD.SPICES",
        "FOOD.STARCH",
        "FOOD.RICE_FLOUR",
    }
)
"""What an agricultural cooperative grows or processes for the fair's food and pharma chains."""
MODERN_FAMILIES = frozenset({"IT", "ENER", "AUTOM", "BIO", "ADV"})
"""Lead families that only grew up after Đổi Mới; the others may descend from 1960s state plants."""
FIELD_ORDER = (
    *("tax_code", "country", "registration_no", "ref", "name_vi", "name_en", "kind", "sectors"),
    *("address", "locality", "industrial_park", "founded_year", "employees", "website"),
    *("description_vi", "description_en", "contact", "certifications", "export_markets", "products", "needs"),
)
"""Field order of an enterprise in the document; absent (None) fields are left out."""
TYPICAL_EMPLOYEES = 150
"""Head count of the mid-size maker whose yearly output the taxonomy's `scale` gives."""


def kind_counts(enterprises: int) -> dict[str, int]:
    """Split `enterprises` over the kinds in Hanoi's proportions (largest remainder)."""
    total = sum(KIND_SHARES.values())
    exact = {kind: enterprises * share / total for kind, share in KIND_SHARES.items()}
    counts = {kind: math.floor(value) for kind, value in exact.items()}
    by_remainder = sorted(exact, key=lambda kind: exact[kind] - counts[kind], reverse=True)
    for kind in by_remainder[: enterprises - sum(counts.values())]:
        counts[kind] += 1
    return counts


def build_demo_exchange(seed: int = 2026, enterprises: int = 300) -> dict:
    """A complete demo fair: the curated taxonomy and `enterprises` fictional enterprises."""
    if enterprises < 0:
        raise ValueError("enterprises must not be negative")
    taxonomy = load_taxonomy()
    fair = _FairBuilder(random.Random(seed), enterprises)
    return {"format": FORMAT, "categories": taxonomy.exchange(), "enterprises": fair.build()}


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _sectors(categories: list[Category]) -> list[str]:
    return list(dict.fromkeys(c.sector for c in categories))


class _FairBuilder:
    """Generates the enterprises of one fair, kind by kind, sharing names, keys and counts."""

    def __init__(self, rng: random.Random, enterprises: int):
        self.rng = rng
        self.taxonomy = load_taxonomy()
        self.counts = kind_counts(enterprises)
        self.allocator = Allocator(self.taxonomy, rng, enterprises)
        self.names = NameBook(rng)
        self.ids = IdentifierBook(rng)
        self.decisions = {year: f"{rng.randint(1200, 6900)}/QĐ-UBND" for year in RECOGNITION_YEARS}
        self.width = max(3, len(str(enterprises)))

    def build(self) -> list[dict]:
        """The enterprises in document order: leads, FDI firms, suppliers, others, buyers."""
        leads = [self._lead() for _ in range(self.counts["lead"])]
        lead_products = [self.taxonomy.by_code[p["category"]] for lead in leads for p in lead["products"]]
        self.allocator.plan_supplier_coverage(lead_products)
        fdis = [self._fdi() for _ in range(self.counts["fdi"])]
        made = [self.taxonomy.by_code[p["category"]] for firm in (*leads, *fdis) for p in firm["products"]]
        self.allocator.plan_buyers(made)
        suppliers = self._suppliers(self.counts["supplier"])
        others = [self._other() for _ in range(self.counts["other"])]
        buyers = [self._buyer() for _ in range(self.counts["buyer"])]
        result = [*leads, *fdis, *suppliers, *others, *buyers]
        for number, enterprise in enumerate(result, start=1):
            enterprise["ref"] = f"E{number:0{self.width}d}"
        return [self._ordered(e) for e in result]

    @staticmethod
    def _ordered(enterprise: dict) -> dict:
        return {key: enterprise[key] for key in FIELD_ORDER if enterprise.get(key) is not None}

    # --- shared pieces ---------------------------------------------------------------------

    def _site(self, kind: str, category: Category) -> Site:
        rng = self.rng
        # Software and cloud firms rent offices in town; makers sit in parks and clusters.
        if category.service and category.family == "IT":
            return places.hanoi_office_site(rng)
        roll = rng.random()
        if kind in ("lead", "fdi"):
            nearby = 0.35 if kind == "fdi" else 0.15
            return places.nearby_province_site(rng) if roll < nearby else places.hanoi_park_site(rng)
        if roll < 0.15:
            return places.nearby_province_site(rng)
        return places.hanoi_park_site(rng) if roll < 0.55 else places.hanoi_workshop_site(rng)

    def _size(self, employees: int) -> float:
        """Output relative to the taxonomy's mid-size maker; grows more slowly than head count."""
        return math.sqrt(employees / TYPICAL_EMPLOYEES) * self.rng.uniform(0.6, 1.4)

    def _base(self, kind: str, name: Name, site: Site, person: Person, tld: str = "vn") -> dict:
        return {
            "country": "VN",
            "name_vi": name.vi,
            "name_en": name.en,
            "kind": kind,
            "address": site.address,
            "locality": site.locality,
            "industrial_park": site.industrial_park,
            "website": f"https://{name.domain}.example.{tld}",
            "contact": {
                "name": person.name,
                "email": f"{person.mailbox}@{name.domain}.example.{tld}",
                "phone": site.phone,
            },
            "certifications": [],
            "export_markets": [],
            "products": [],
            "needs": [],
        }

    def _markets(self, low: int, high: int, first: str | None = None) -> list[str]:
        count = self.rng.randint(low, high)
        markets = [first] if first else []
        pool = [m for m in EXPORT_MARKETS if m != first]
        return markets + self.rng.sample(pool, max(0, count - len(markets)))

    def _products(self, categories: list[Category], size: float, recognise: bool = False) -> list[dict]:
        entries = []
        for category in categories:
            for name in profiles.product_names(self.rng, category, 4 - len(entries)):
                recognised = None
                if recognise and (not entries or self.rng.random() < 0.25):
                    year = self.rng.choices(list(RECOGNITION_YEARS), RECOGNITION_YEARS.values())[0]
                    recognised = {"year": year, "decision_no": self.decisions[year]}
                entries.append(profiles.product_entry(self.rng, category, name, size, recognised))
                if len(entries) == 4:
                    return entries
        return entries

    def _made(self, categories: list[Category], products: list[dict]) -> list[Category]:
        """The categories that got a product entry (a firm lists four products at most); the
        others are given back to the allocator."""
        made = {p["category"] for p in products}
        self.allocator.forget([c for c in categories if c.code not in made])
        return [c for c in categories if c.code in made]

    def _needs(self, needs: list[Category], customer, size: float, country: str = "VN",
               made: list[dict] | None = None) -> list[dict]:
        """Needs with notes; a maker's volumes come from its own output (`made`, its product entries)."""
        foreign = country != "VN"
        return [
            profiles.need_entry(
                self.rng,
                need,
                customer or [need],
                size,
                prose.need_notes(self.rng, need, customer or [need], foreign),
                country,
                None if made is None else profiles.volume_used(self.taxonomy, need, made),
                self.allocator.makers[need.code],
            )
            for need in needs
        ]

    # --- kinds -----------------------------------------------------------------------------

    def _lead(self) -> dict:
        rng = self.rng
        categories = self.allocator.lead_products()
        main = categories[0]
        site = self._site("lead", main)
        name = self.names.company(main.code, lead=True)
        founded = rng.randint(1995, 2016) if main.family in MODERN_FAMILIES else rng.randint(1958, 2012)
        employees = int(round(_log_uniform(rng, 250, 3500), -1))
        size = self._size(employees)
        products = self._products(categories, size, recognise=True)
        categories = self._made(categories, products)
        needs = self.allocator.maker_needs(categories)
        recognised = next(
            ((p["name_vi"], p["name_en"]), p["recognized_key_product"]["year"])
            for p in products
            if "recognized_key_product" in p
        )
        vi, en = prose.lead_description(rng, categories, needs, founded, employees, recognised)
        enterprise = self._base("lead", name, site, self.names.vietnamese_person())
        enterprise.update(
            tax_code=self.ids.tax_code(site.tax_prefix),
            sectors=_sectors(categories),
            founded_year=founded,
            employees=employees,
            description_vi=vi,
            description_en=en,
            certifications=profiles.held_certifications(rng, self.taxonomy, categories, "lead", False),
            export_markets=self._markets(0, 4),
            products=products,
            needs=self._needs(needs, categories, size, made=products),
        )
        return enterprise

    def _fdi(self) -> dict:
        rng = self.rng
        country = rng.choices(list(FDI_COUNTRIES), FDI_COUNTRIES.values())[0]
        categories = self.allocator.fdi_products()
        site = self._site("fdi", categories[0])
        name = self.names.fdi(country, categories[0].code)
        founded, employees = rng.randint(1995, 2022), int(round(_log_uniform(rng, 150, 6000), -1))
        size = self._size(employees)
        products = self._products(categories, size)
        categories = self._made(categories, products)
        needs = self.allocator.maker_needs(categories)
        brand = self.names.foreign_brand(name)
        vi, en = prose.fdi_description(rng, categories, needs, founded, country, brand)
        enterprise = self._base("fdi", name, site, self.names.vietnamese_person())
        enterprise.update(
            tax_code=self.ids.tax_code(site.tax_prefix),
            sectors=_sectors(categories),
            founded_year=founded,
            employees=employees,
            description_vi=vi,
            description_en=en,
            certifications=profiles.held_certifications(rng, self.taxonomy, categories, "fdi", False),
            export_markets=self._markets(1, 4, first=country),
            products=products,
            needs=self._needs(needs, categories, size, made=products),
        )
        return enterprise

    def _suppliers(self, count: int) -> list[dict]:
        # A few percent are household workshops or branches of firms from neighbouring provinces,
        # at least one of each once the fair has a handful of suppliers.
        households = max(1, round(count * 0.03)) if count >= 5 else 0
        branches = max(1, round(count * 0.04)) if count >= 5 else 0
        slots = self.rng.sample(range(count), households + branches)
        kinds = dict.fromkeys(slots[:households], "household") | dict.fromkeys(slots[households:], "branch")
        return [self._supplier(kinds.get(index, "company")) for index in range(count)]

    def _supplier(self, form: str) -> dict:
        rng = self.rng
        if form == "household":
            categories = self.allocator.workshop_product(HOUSEHOLD_CODES)
            site = places.hanoi_workshop_site(rng)
            name, key = self.names.household(categories[0].code), self.ids.personal_id()
            founded, employees = rng.randint(2008, 2024), rng.randint(3, 12)
        else:
            categories = self.allocator.supplier_products()
            if form == "branch":
                name = self.names.branch(categories[0].code, "Hà Nội", "Hanoi")
                key = self.ids.branch_code(rng.choice(("23", "09", "25", "26")))
                site = places.hanoi_park_site(rng)
            else:
                site = self._site("supplier", categories[0])
                name, key = self.names.company(categories[0].code), self.ids.tax_code(site.tax_prefix)
            founded, employees = rng.randint(1993, 2022), round(_log_uniform(rng, 15, 450))
        household = form == "household"
        vi, en = prose.supplier_description(
            rng, categories, self._customer_sectors(categories), founded, employees, site.locality
        )
        enterprise = self._base("supplier", name, site, self.names.vietnamese_person())
        enterprise.update(
            tax_code=key,
            sectors=_sectors(categories),
            founded_year=founded,
            employees=employees,
            description_vi=vi,
            description_en=en,
            certifications=profiles.held_certifications(rng, self.taxonomy, categories, "supplier", household),
            export_markets=[] if household or rng.random() < 0.6 else self._markets(1, 2),
            # The programme recognises supporting-industry products too, not only end products.
            products=self._products(categories, self._size(employees),
                                    recognise=form == "company" and rng.random() < 0.15),
        )
        return enterprise

    def _customer_sectors(self, categories: list[Category]) -> list[str]:
        own = {c.sector for c in categories}
        users = Counter(self.taxonomy.by_code[user].sector for c in categories
                        for user in (*self.taxonomy.users[c.code], *self.taxonomy.used_with[c.code]))
        return [sector for sector, _ in users.most_common() if sector not in own][:2]

    def _other(self) -> dict:
        rng = self.rng
        categories = self.allocator.other_products()
        code, family = categories[0].code, categories[0].family
        if code in COOPERATIVE_PRODUCTS:
            # A cooperative keeps to farm produce and first processing.
            keep = [c for c in categories if c.code in COOPERATIVE_PRODUCTS]
            self.allocator.forget([c for c in categories if c not in keep])
            categories = keep
            style, name = "cooperative", self.names.cooperative(code)
            site = places.hanoi_workshop_site(rng)
        elif categories[0].service or (family in ("BIO", "ADV", "AUTOM", "IT", "AGRI") and rng.random() < 0.7):
            style, name = "technology", self.names.technology_firm(code)
            site = places.hanoi_office_site(rng)
        else:
            style, name = "trader", self.names.manufacturer_trader(code)
            site = places.hanoi_workshop_site(rng)
        employees = rng.randint(5, 80)
        members = rng.randint(20, 300)
        vi, en = prose.other_description(style, categories, members)
        enterprise = self._base("other", name, site, self.names.vietnamese_person())
        enterprise.update(
            tax_code=self.ids.tax_code(site.tax_prefix),
            sectors=_sectors(categories),
            founded_year=rng.randint(1998, 2022),
            employees=employees,
            description_vi=vi,
            description_en=en,
            certifications=profiles.held_certifications(rng, self.taxonomy, categories, "other", False),
            products=self._products(categories, self._size(employees) * 0.5),
        )
        return enterprise

    def _buyer(self) -> dict:
        rng = self.rng
        needs = self.allocator.buyer_needs()
        sector = needs[0].sector
        if rng.random() < 0.5:
            country = rng.choices(list(BUYER_COUNTRIES), BUYER_COUNTRIES.values())[0]
            name = self.names.foreign_buyer(country, sector)
            site = places.foreign_site(rng, country)
            enterprise = self._base("buyer", name, site, self.names.foreign_person(country), tld="com")
            enterprise.update(
                country=country,
                registration_no=self.ids.registration_no(country),
                employees=round(_log_uniform(rng, 20, 5000)),
                export_markets=[country],
            )
        else:
            country = "VN"
            name = self.names.domestic_buyer(sector)
            site = places.hanoi_office_site(rng)
            enterprise = self._base("buyer", name, site, self.names.vietnamese_person())
            enterprise.update(tax_code=self.ids.tax_code(), employees=round(_log_uniform(rng, 10, 1200)))
        vi, en = prose.buyer_description(rng, needs, country)
        enterprise.update(
            sectors=_sectors(needs),
            founded_year=rng.randint(1985, 2021),
            description_vi=vi,
            description_en=en,
            needs=self._needs(needs, None, self._size(enterprise["employees"]), country),
        )
        return enterprise
