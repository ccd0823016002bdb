"""Shared vocabulary of the exchange format: sectors, kinds, certifications, units, countries.

Pure data with Vietnamese and English labels, imported by the app, the importer and the demo fair.
"""

SECTORS: dict[str, tuple[str, str]] = {
    "it": ("Công nghệ thông tin và viễn thông", "Information technology and telecoms"),
    "precision-mechanics": ("Cơ khí chính xác", "Precision mechanics"),
    "electrical-electronics": ("Thiết bị điện, điện tử", "Electrical and electronic equipment"),
    "automotive-motorcycle": ("Ô tô, xe máy", "Automotive and motorcycles"),
    "energy": ("Năng lượng sạch, tái tạo, thông minh", "Clean, renewable and smart energy"),
    "agri-machinery": ("Máy nông nghiệp", "Agricultural machinery"),
    "agri-food-processing": ("Chế biến nông sản, thực phẩm", "Agricultural and food processing"),
    "biotech": ("Công nghệ sinh học", "Biotechnology"),
    "pharma": ("Dược phẩm, thiết bị y tế", "Pharmaceuticals and medical devices"),
    "chemicals": ("Hóa chất", "Chemicals"),
    "metals": ("Luyện kim, đúc và vật liệu kim loại", "Metals, castings and forgings"),
    "plastics-rubber": ("Nhựa, cao su", "Plastics and rubber"),
    "textiles-garments": ("Dệt may", "Textiles and garments"),
    "packaging": ("Bao bì", "Packaging"),
    "automation": ("Tự động hóa", "Automation"),
    "advanced-materials": ("Vật liệu mới", "Advanced materials"),
    "other": ("Khác", "Other"),
}
"""Sector code → (Vietnamese label, English label), in the order the city lists its priorities."""

KINDS: dict[str, tuple[str, str]] = {
    "lead": ("Doanh nghiệp dẫn dắt", "Lead enterprise"),
    "supplier": ("Nhà cung ứng CNHT", "Supporting-industry supplier"),
    "fdi": ("Doanh nghiệp FDI", "FDI enterprise"),
    "buyer": ("Người mua", "Buyer"),
    "other": ("Khác", "Other"),
}
"""Enterprise kind → (Vietnamese label, English label)."""

CERTIFICATIONS: tuple[str, ...] = (
    "ISO 9001",
    "ISO 14001",
    "ISO 45001",
    "ISO 50001",
    "IATF 16949",
    "ISO 13485",
    "ISO 15378",
    "GMP-WHO",
    "EU-GMP",
    "HACCP",
    "ISO 22000",
    "FSSC 22000",
    "ISO/IEC 27001",
    "CE",
    "UL",
    "RoHS",
)
"""The exact certification names the exchange format accepts."""

UNITS: tuple[str, ...] = ("units", "sets", "kg", "t", "m", "m2", "m3", "l")
"""Quantity units of the exchange format."""

UNIT_DIMENSIONS: dict[str, str] = {"units": "count", "sets": "count", "kg": "mass", "t": "mass", "m": "length",
                                   "m2": "area", "m3": "volume", "l": "volume"}
"""What each unit measures: two quantities of one input compare only within one dimension."""

INPUT_KINDS: dict[str, tuple[str, str]] = {
    "material": ("vật tư, linh kiện", "material"),
    "tooling": ("khuôn, dưỡng, đồ gá", "tooling"),
    "equipment": ("máy móc, thiết bị", "equipment"),
    "service": ("dịch vụ", "service"),
}
"""How an input serves the product: goes into it (`material`, a bill of materials), shapes it
(`tooling`: moulds, dies, jigs), makes it (`equipment`) or is work done on it (`service`)."""

UNIT_LABELS: dict[str, tuple[str, str]] = {
    "units": ("cái", "units"),
    "sets": ("bộ", "sets"),
    "kg": ("kg", "kg"),
    "t": ("tấn", "t"),
    "m": ("m", "m"),
    "m2": ("m²", "m²"),
    "m3": ("m³", "m³"),
    "l": ("lít", "l"),
}
"""Unit code → (Vietnamese label, English label) for display."""

_ISO_3166_ALPHA_2 = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""

COUNTRIES: frozenset[str] = frozenset(_ISO_3166_ALPHA_2.split())
"""Every officially assigned ISO 3166-1 alpha-2 code (249)."""
