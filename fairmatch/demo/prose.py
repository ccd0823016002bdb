"""One- or two-sentence descriptions and need notes, in Vietnamese and English.

Every template is a (Vietnamese, English) pair filled from the same values, so the two
descriptions of an enterprise say the same thing.
"""

import random

from fairmatch.common.text import mid_sentence, strip_accents
from fairmatch.demo.profiles import PRIMARY_DRUG_PACKAGING
from fairmatch.demo.taxonomy import Category
from fairmatch.demo.text import join_phrases

SECTOR_PHRASES = {
    "it": ("công nghệ thông tin", "IT"),
    "precision-mechanics": ("cơ khí", "machinery"),
    "electrical-electronics": ("điện – điện tử", "electronics"),
    "automotive-motorcycle": ("ô tô – xe máy", "automotive"),
    "energy": ("năng lượng", "energy"),
    "agri-machinery": ("máy nông nghiệp", "farm-machinery"),
    "agri-food-processing": ("chế biến thực phẩm", "food-processing"),
    "biotech": ("công nghệ sinh học", "biotech"),
    "pharma": ("dược phẩm – y tế", "pharmaceutical"),
    "chemicals": ("hóa chất", "chemical"),
    "metals": ("luyện kim", "metals"),
    "plastics-rubber": ("nhựa – cao su", "plastics"),
    "textiles-garments": ("dệt may", "textile"),
    "packaging": ("bao bì", "packaging"),
    "automation": ("tự động hóa", "automation"),
    "advanced-materials": ("vật liệu mới", "advanced-materials"),
    "other": ("công nghiệp khác", "other industrial"),
}
"""Sector → short phrases that read well inside a sentence, and inside a list joined by "and"."""

COUNTRY_NAMES = {
    "JP": ("Nhật Bản", "Japan", "Japanese"),
    "KR": ("Hàn Quốc", "South Korea", "Korean"),
    "DE": ("Đức", "Germany", "German"),
    "SG": ("Singapore", "Singapore", "Singaporean"),
    "US": ("Hoa Kỳ", "the United States", "American"),
    "AU": ("Úc", "Australia", "Australian"),
    "TH": ("Thái Lan", "Thailand", "Thai"),
    "FR": ("Pháp", "France", "French"),
    "TW": ("Đài Loan", "Taiwan", "Taiwanese"),
    "CN": ("Trung Quốc", "China", "Chinese"),
}
"""Country → (Vietnamese name, English name, English adjective)."""

LEAD = (
    (
        "Doanh nghiệp dẫn dắt ngành {sector_vi}, sản xuất {made_vi}.",
        "A lead {sector_en} manufacturer making {made_en}.",
    ),
    (
        "Thành lập năm {founded}, {employees} lao động; sản phẩm chính: {made_vi}. "
        "Đang tìm nhà cung ứng trong nước cho {need_vi}.",
        "Founded in {founded}, {employees} employees; main products: {made_en}. "
        "Looking for local suppliers of {need_en}.",
    ),
    (
        "Nhà sản xuất {made_vi} cho thị trường trong nước và xuất khẩu, "
        "sẵn sàng liên kết chuỗi với doanh nghiệp công nghiệp hỗ trợ.",
        "Maker of {made_en} for domestic and export markets, "
        "keen to build supply chains with supporting-industry firms.",
    ),
)
SERVICE_LEAD = (
    "Doanh nghiệp dẫn dắt ngành {sector_vi}, cung cấp {made_vi} cho doanh nghiệp và cơ quan nhà nước.",
    "A lead {sector_en} company providing {made_en} to businesses and public agencies.",
)
RECOGNISED = (
    " Sản phẩm {product_vi} được Thành phố công nhận là sản phẩm công nghiệp chủ lực năm {year}.",
    " Its {product_en} earned the city's key-industrial-product recognition in {year}.",
)
SUPPLIER = (
    (
        "Chuyên sản xuất {made_vi} cho các doanh nghiệp {customers_vi}.",
        "Specialist maker of {made_en} for {customers_en} manufacturers.",
    ),
    (
        "Nhà cung ứng công nghiệp hỗ trợ thành lập năm {founded}, "
        "cung cấp {made_vi} theo bản vẽ và tiêu chuẩn của khách hàng.",
        "Supporting-industry supplier founded in {founded}, delivering {made_en} to customer drawings and standards.",
    ),
    (
        "Xưởng sản xuất tại {locality_vi} với {employees} lao động; sản phẩm: {made_vi}. "
        "Nhận cả đơn hàng nhỏ và làm mẫu thử.",
        "Plant in {locality_en} with {employees} staff making {made_en}; small batches and samples welcome.",
    ),
)
SERVICE_SUPPLIER = {
    "customers": (
        "Cung cấp {offer_vi} cho các doanh nghiệp {customers_vi}.",
        "Provides {made_en} to {customers_en} manufacturers.",
    ),
    "job-shop": (
        "Xưởng dịch vụ tại {locality_vi} với {employees} lao động, nhận gia công {made_vi} theo đơn hàng.",
        "Job shop in {locality_en} with {employees} staff offering {made_en} to order.",
    ),
    "general": (
        "Cung cấp {offer_vi} cho doanh nghiệp trong và ngoài nước.",
        "Provides {made_en} to businesses at home and abroad.",
    ),
}
_SERVICE_WORDS = ("dịch vụ", "giải pháp", "phần mềm")
FDI = (
    (
        "Doanh nghiệp 100% vốn {country_vi}, sản xuất {made_vi} tại Việt Nam từ năm {founded}.",
        "Wholly {adjective}-owned maker of {made_en} in Vietnam since {founded}.",
    ),
    (
        "Công ty con của tập đoàn {brand} ({country_vi}), sản xuất {made_vi}; đang nội địa hóa nguồn cung {need_vi}.",
        "Subsidiary of the {brand} group ({country_en}) making {made_en}; localising its supply of {need_en}.",
    ),
)
FOREIGN_BUYER = (
    (
        "Nhà nhập khẩu tại {country_vi}, tìm nguồn cung {need_vi} từ Việt Nam.",
        "{adjective} importer sourcing {need_en} from Vietnam.",
    ),
    (
        "Văn phòng thu mua {need_vi} cho các nhà bán lẻ và nhà sản xuất tại {country_vi}.",
        "Sourcing office buying {need_en} for retailers and manufacturers in {country_en}.",
    ),
)
DOMESTIC_BUYER = (
    ("Doanh nghiệp thương mại phân phối {need_vi} trên toàn quốc.", "Nationwide distributor of {need_en}."),
    (
        "Doanh nghiệp xuất nhập khẩu, tìm nguồn cung {need_vi} trong nước để thay thế hàng nhập khẩu.",
        "Import-export company looking for Vietnamese sources of {need_en} to replace imports.",
    ),
)
CONTRACTOR = (
    "Nhà thầu, đơn vị mua sắm {need_vi} cho các dự án công nghiệp.",
    "Contractor procuring {need_en} for industrial projects.",
)
OTHER = {
    "cooperative": (
        "Hợp tác xã với {members} thành viên, sản xuất và sơ chế {made_vi} từ vùng nguyên liệu của các hộ thành viên.",
        "Cooperative of {members} member households producing and processing {made_en} from their own farms.",
    ),
    "technology": (
        "Đơn vị ứng dụng và chuyển giao công nghệ, cung cấp {made_vi}.",
        "Technology-transfer company supplying {made_en}.",
    ),
    "trader": ("Sản xuất và kinh doanh {made_vi}.", "Makes and trades {made_en}."),
}
# Buyers in these families are often contractors buying for industrial projects.
_PROJECT_FAMILIES = frozenset({"ELEC", "MECH", "ENER", "AUTOM", "MAT", "CAST", "IT"})


def _fill(template: tuple[str, str], **values) -> tuple[str, str]:
    return template[0].format(**values), template[1].format(**values)


def _listed(categories: list[Category], limit: int = 3) -> dict[str, str]:
    shown = categories[:limit]
    return {
        "vi": join_phrases([mid_sentence(c.name_vi) for c in shown], "và"),
        "en": join_phrases([mid_sentence(c.name_en) for c in shown], "and"),
    }


def _offer(services: list[Category]) -> str:
    """Services as offered: `dịch vụ nhiệt luyện`, but `phần mềm doanh nghiệp` as it is."""
    names = [mid_sentence(c.name_vi) for c in services[:3]]
    return join_phrases([n if n.startswith(_SERVICE_WORDS) else f"dịch vụ {n}" for n in names], "và")


def _made_and_needed(products: list[Category], needs: list[Category]) -> dict[str, str]:
    made, needed = _listed(products), _listed(needs, 2)
    return {"made_vi": made["vi"], "made_en": made["en"], "need_vi": needed["vi"], "need_en": needed["en"]}


def lead_description(rng: random.Random, products, needs, founded, employees, recognised) -> tuple[str, str]:
    """What a lead enterprise makes, and which of its products the city recognised."""
    sector_vi, sector_en = SECTOR_PHRASES[products[0].sector]
    values = _made_and_needed(products, needs)
    template = SERVICE_LEAD if products[0].service else rng.choice(LEAD if needs else (LEAD[0], LEAD[2]))
    vi, en = _fill(template, sector_vi=sector_vi, sector_en=sector_en, founded=founded, employees=employees, **values)
    (name_vi, name_en), year = recognised
    extra_vi, extra_en = _fill(RECOGNISED, product_vi=mid_sentence(name_vi), product_en=mid_sentence(name_en),
                               year=year)
    return vi + extra_vi, en + extra_en


def supplier_description(rng: random.Random, products, customers, founded, employees, locality) -> tuple[str, str]:
    """What a supporting-industry supplier makes and, when known, for which industries."""
    if products[0].service:
        fallback = "job-shop" if products[0].family == "SURF" else "general"
        templates = [SERVICE_SUPPLIER[fallback], *([SERVICE_SUPPLIER["customers"]] if customers else [])]
    else:
        templates = SUPPLIER if customers else SUPPLIER[1:]
    return _fill(
        rng.choice(templates),
        customers_vi=join_phrases([SECTOR_PHRASES[s][0] for s in customers], "và"),
        customers_en=join_phrases([SECTOR_PHRASES[s][1] for s in customers], "and"),
        offer_vi=_offer(products),
        founded=founded,
        employees=employees,
        locality_vi=locality,
        locality_en=strip_accents(locality),
        **_made_and_needed(products, []),
    )


def fdi_description(rng: random.Random, products, needs, founded, country, brand) -> tuple[str, str]:
    """A foreign-invested plant: who owns it, what it makes, what it wants to source locally."""
    country_vi, country_en, adjective = COUNTRY_NAMES[country]
    template = FDI[1] if needs and rng.random() < 0.6 else FDI[0]
    return _fill(
        template,
        country_vi=country_vi,
        country_en=country_en,
        adjective=adjective,
        founded=founded,
        brand=brand,
        **_made_and_needed(products, needs),
    )


def buyer_description(rng: random.Random, needs, country) -> tuple[str, str]:
    """What a buyer sources and for which market."""
    listed = _listed(needs)
    values = {"need_vi": listed["vi"], "need_en": listed["en"]}
    if country != "VN":
        country_vi, country_en, adjective = COUNTRY_NAMES[country]
        values |= {"country_vi": country_vi, "country_en": country_en, "adjective": adjective}
        return _fill(rng.choice(FOREIGN_BUYER), **values)
    if needs[0].family in _PROJECT_FAMILIES and rng.random() < 0.6:
        return _fill(CONTRACTOR, **values)
    return _fill(rng.choice(DOMESTIC_BUYER), **values)


def other_description(style: str, products, members: int) -> tuple[str, str]:
    """A cooperative, a technology spin-off or a small maker-trader."""
    return _fill(OTHER[style], members=members, **_made_and_needed(products, []))


_SPECIFIC_NOTES = {
    "automotive": ("Yêu cầu hồ sơ PPAP cấp 3, giao hàng JIT.", "PPAP level 3 required; JIT delivery."),
    "drug-inputs": ("Cần hồ sơ DMF và COA cho từng lô.", "DMF and a COA for every batch required."),
    "drugs": (
        "Thuốc đã có số đăng ký lưu hành, hạn dùng còn tối thiểu 24 tháng.",
        "Registered products only, at least 24 months' shelf life.",
    ),
    "drug-packaging": (
        "Bao bì cấp 1 tiếp xúc trực tiếp với thuốc, sản xuất trong phòng sạch.",
        "Primary packaging in direct contact with drugs; made in a clean room.",
    ),
    "drug-printing": (
        "In theo mẫu nhãn đã đăng ký, kiểm soát thay đổi chặt chẽ.",
        "Printed to the registered artwork under strict change control.",
    ),
    "medical": ("Sản xuất trong phòng sạch ISO 8, tiệt trùng EO.", "ISO 8 clean-room production, EO sterilisation."),
    "food": ("Đạt yêu cầu an toàn vật liệu tiếp xúc thực phẩm.", "Food-contact safety compliance required."),
    "electronics": ("Tuân thủ RoHS, truy xuất nguồn gốc theo lô.", "RoHS compliant, lot traceability."),
}
_GENERIC_NOTES = (
    "Theo bản vẽ kỹ thuật của khách hàng, giao hàng hằng tháng.",
    "Ưu tiên nhà cung ứng trong bán kính 100 km quanh Hà Nội.",
    "Thay thế hàng nhập khẩu, cần mẫu thử trong quý tới.",
    "Khối lượng ổn định cả năm, hợp đồng khung hai năm.",
    "Cần nhà cung ứng thứ hai để giảm rủi ro gián đoạn.",
)
_EXPORT_NOTES = (
    "Private-label programme; AQL 2.5 inspection.",
    "FOB Hai Phong, quarterly orders.",
    "Samples before the fair, please; REACH compliance for the EU.",
    "Long-term partner wanted; audits on site.",
)


def _note_topic(need: Category, customer: list[Category]) -> str | None:
    families = {c.family for c in customer} | {need.family}
    sectors = {c.sector for c in customer} | {need.sector}
    if need.family == "PHAR":
        return "drugs" if need.final else "drug-inputs"
    if "MED" in families:
        return "medical"
    if need.family == "PACK" and "pharma" in sectors:
        return "drug-packaging" if need.code in PRIMARY_DRUG_PACKAGING else "drug-printing"
    if "automotive-motorcycle" in sectors:
        return "automotive"
    if "FOOD" in families:
        return "food"
    if need.family in ("ELX", "ELEC"):
        return "electronics"
    return None


def need_notes(rng: random.Random, need: Category, customer: list[Category], foreign: bool) -> str:
    """A short note on a need: Vietnamese, or English for a foreign buyer."""
    topic = _note_topic(need, customer)
    generic = rng.choice(_EXPORT_NOTES if foreign else _GENERIC_NOTES)
    return f"{_SPECIFIC_NOTES[topic][int(foreign)]} {generic}" if topic else generic
