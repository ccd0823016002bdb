"""Where demo enterprises sit: Hanoi's industrial parks, clusters, craft communes and offices,
the neighbouring provinces, and the home cities of foreign buyers.

Since 1 July 2025 Vietnam has no district level, so a Vietnamese site's `locality` is the commune
(xã) or ward (phường) it lies in after the 2025 rearrangement, written without the prefix, and its
address names that unit and the province: "…, xã Thiên Lộc, Hà Nội". The units and the park →
commune mapping, with sources, are in docs/localities.md.
"""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    """An address with its locality, industrial park (if any) and how to call it."""

    address: str
    locality: str
    industrial_park: str | None
    phone: str
    tax_prefix: str = "01"


# Units are written as in an address, "xã Thiên Lộc" or "phường Cầu Giấy"; the locality is the name
# after the prefix. Every Hanoi unit here is one of the 126 of Resolution 1656/NQ-UBTVQH15. Each
# table keeps the length it had before the 2025 renaming (and each inner tuple of roads or streets
# the length of the one in its position), so the seeded draws, and with them the rest of the demo
# fair, are unchanged.

# (park, the unit it lies in)
_HANOI_PARKS = (
    ("Thăng Long", "xã Thiên Lộc"),
    ("Bắc Thăng Long", "xã Thiên Lộc"),
    ("Nguyên Khê", "xã Phúc Thịnh"),
    ("Nội Bài", "xã Sóc Sơn"),
    ("Quang Minh", "xã Quang Minh"),
    ("Quang Minh", "xã Quang Minh"),  # twice, as before: drawn twice as often
    ("Nam Thăng Long", "phường Thượng Cát"),
    ("Phú Nghĩa", "xã Phú Nghĩa"),
    ("Thạch Thất – Quốc Oai", "xã Tây Phương"),
    ("Hà Nội – Đài Tư", "phường Phúc Lợi"),
    ("Sài Đồng B", "phường Long Biên"),
)
_HOA_LAC = "xã Hòa Lạc"
# (cluster, the unit it lies in)
_HANOI_CLUSTERS = (
    ("Phùng Xá", "xã Tây Phương"),
    ("Ngọc Hồi", "xã Ngọc Hồi"),
    ("Hà Bình Phương", "xã Thường Tín"),
    ("Quất Động", "xã Thượng Phúc"),
    ("Phú Thị", "xã Gia Lâm"),
)
# (commune, roads and villages in it)
_HANOI_COMMUNES = (
    ("xã Hoài Đức", ("Quốc lộ 32", "Đường 422", "Thôn Nhuệ")),
    ("xã Đông Anh", ("Đường Cao Lỗ", "Đường Cổ Loa", "Thôn Lộc Hà")),
    ("xã Thường Tín", ("Quốc lộ 1A", "Thôn Nhị Khê")),
    ("xã Phúc Thọ", ("Quốc lộ 32", "Thôn Phúc Hòa 1")),
    ("xã Sóc Sơn", ("Quốc lộ 2", "Đường Núi Đôi")),
    ("xã Phú Nghĩa", ("Quốc lộ 6", "Thôn Phú Vinh")),
    ("xã Thạch Thất", ("Đường 419", "Thôn Đồng Cam")),
)
# (ward, streets in it)
_HANOI_OFFICES = (
    ("phường Cầu Giấy", ("Duy Tân", "Trần Thái Tông", "Tôn Thất Thuyết", "Xuân Thủy")),
    ("phường Đống Đa", ("Thái Hà", "Tây Sơn", "Láng Hạ")),
    ("phường Thanh Xuân", ("Nguyễn Trãi", "Khuất Duy Tiến", "Vũ Trọng Phụng")),
    ("phường Hai Bà Trưng", ("Lò Đúc", "Phố Huế", "Bà Triệu")),
    ("phường Long Biên", ("Cổ Linh", "Thạch Bàn")),
    ("phường Hoàng Mai", ("Tam Trinh", "Tân Mai")),
    ("phường Ba Đình", ("Phan Đình Phùng", "Quán Thánh", "Nguyễn Thái Học")),
    ("phường Từ Liêm", ("Phạm Hùng", "Lê Đức Thọ", "Châu Văn Liêm")),
)
# (park, the unit it lies in, province since July 2025, phone area code, tax-code prefix). A merged
# province keeps its former provinces' landline area codes side by side for now (Ministry of Science
# and Technology letter 2784/BKHCN-CVT), and the demo's firms, registered before July 2025, keep the
# tax-code prefix of the province that issued it (24 Bắc Giang, 25 Vĩnh Phúc).
_NEARBY_PARKS = (
    ("Yên Phong", "xã Yên Trung", "Bắc Ninh", "222", "23"),
    ("Quế Võ", "phường Nam Sơn", "Bắc Ninh", "222", "23"),
    ("Đại Đồng – Hoàn Sơn", "xã Đại Đồng", "Bắc Ninh", "222", "23"),
    ("Quang Châu", "phường Nếnh", "Bắc Ninh", "204", "24"),  # formerly Bắc Giang
    ("Thăng Long II", "phường Đường Hào", "Hưng Yên", "221", "09"),
    ("Phố Nối A", "xã Như Quỳnh", "Hưng Yên", "221", "09"),
    ("Bá Thiện", "xã Bình Xuyên", "Phú Thọ", "211", "25"),  # formerly Vĩnh Phúc
)

FOREIGN_PLACES = {
    "JP": (
        ("Tokyo", "3", "{a}-{b}-{c} Shibaura, Minato-ku, Tokyo, Japan"),
        ("Osaka", "6", "{a}-{b}-{c} Honmachi, Chuo-ku, Osaka, Japan"),
        ("Nagoya", "52", "{a}-{b}-{c} Sakae, Naka-ku, Nagoya, Japan"),
    ),
    "KR": (
        ("Seoul", "2", "{n} Teheran-ro, Gangnam-gu, Seoul, South Korea"),
        ("Incheon", "32", "{n} Namdongseo-ro, Namdong-gu, Incheon, South Korea"),
        ("Changwon", "55", "{n} Jungang-daero, Seongsan-gu, Changwon, South Korea"),
    ),
    "DE": (
        ("Stuttgart", "711", "Industriestraße {n}, 70565 Stuttgart, Germany"),
        ("München", "89", "Gutenbergstraße {n}, 80807 München, Germany"),
        ("Hamburg", "40", "Hafenstraße {n}, 20457 Hamburg, Germany"),
    ),
    "SG": (
        ("Singapore", "", "{n} Ubi Avenue 1, Singapore 408{p}"),
        ("Singapore", "", "{n} Tai Seng Street, Singapore 534{p}"),
    ),
    "US": (
        ("San Jose", "408", "{n} Technology Drive, San Jose, CA 95131, USA"),
        ("Chicago", "312", "{n} Commerce Drive, Chicago, IL 60607, USA"),
        ("Houston", "713", "{n} Industrial Parkway, Houston, TX 77041, USA"),
    ),
    "AU": (
        ("Melbourne", "3", "{n} Collins Street, Melbourne VIC 3000, Australia"),
        ("Sydney", "2", "{n} Pitt Street, Sydney NSW 2000, Australia"),
    ),
    "TH": (
        ("Bangkok", "2", "{n} Moo {a}, Bang Na, Bangkok, Thailand"),
        ("Chonburi", "38", "{n} Moo {a}, Si Racha, Chonburi, Thailand"),
    ),
    "FR": (
        ("Lyon", "4", "{n} rue de l'Industrie, 69007 Lyon, France"),
        ("Paris", "1", "{n} avenue Jean Jaurès, 75019 Paris, France"),
        ("Toulouse", "5", "{n} rue des Entrepreneurs, 31100 Toulouse, France"),
    ),
    "TW": (
        ("Taipei", "2", "{n} Ruiguang Road, Neihu District, Taipei, Taiwan"),
        ("Taichung", "4", "{n} Taiwan Boulevard, Xitun District, Taichung, Taiwan"),
    ),
    "CN": (
        ("Shenzhen", "755", "{n} Keyuan Road, Nanshan District, Shenzhen, China"),
        ("Suzhou", "512", "{n} Xinghu Street, Suzhou Industrial Park, Suzhou, China"),
    ),
}
"""Country → (city, phone area code, address template) for foreign buyers."""

DIALLING_CODES = {
    "JP": "81",
    "KR": "82",
    "DE": "49",
    "SG": "65",
    "US": "1",
    "AU": "61",
    "TH": "66",
    "FR": "33",
    "TW": "886",
    "CN": "86",
}


def _digits(rng: random.Random, count: int) -> str:
    return f"{rng.randrange(10**count):0{count}d}"


def vietnamese_phone(rng: random.Random, area: str = "24") -> str:
    """A landline number, `+84 24 3826 4571` for Hanoi."""
    if area == "24":
        return f"+84 24 {rng.choice('3673')}{_digits(rng, 3)} {_digits(rng, 4)}"
    return f"+84 {area} {rng.choice('38')}{_digits(rng, 2)} {_digits(rng, 4)}"


def _name(unit: str) -> str:
    """The locality of a unit: "xã Thiên Lộc" → "Thiên Lộc"."""
    return unit.split(" ", 1)[1]


def hanoi_park_site(rng: random.Random) -> Site:
    """A plot in one of Hanoi's industrial parks or the Hòa Lạc hi-tech park."""
    if rng.random() < 0.12:
        # Hòa Lạc is a hi-tech park with its own plot numbering, not an ordinary KCN.
        address = f"Lô CX-{rng.randint(1, 40):02d}, Khu Công nghệ cao Hòa Lạc, {_HOA_LAC}, Hà Nội"
        return Site(address, _name(_HOA_LAC), "Hòa Lạc", vietnamese_phone(rng))
    park, unit = rng.choice(_HANOI_PARKS)
    plot = f"Lô {rng.choice(('CN', 'A', 'B', 'C'))}{rng.randint(1, 24)}"
    return Site(f"{plot}, KCN {park}, {unit}, Hà Nội", _name(unit), park, vietnamese_phone(rng))


def hanoi_workshop_site(rng: random.Random) -> Site:
    """A workshop in an industrial cluster or a craft commune on Hanoi's outskirts."""
    if rng.random() < 0.5:
        cluster, unit = rng.choice(_HANOI_CLUSTERS)
        address = f"Lô {rng.randint(1, 60)}, CCN {cluster}, {unit}, Hà Nội"
        return Site(address, _name(unit), cluster, vietnamese_phone(rng))
    unit, roads = rng.choice(_HANOI_COMMUNES)
    address = f"Số {rng.randint(2, 180)}, {rng.choice(roads)}, {unit}, Hà Nội"
    return Site(address, _name(unit), None, vietnamese_phone(rng))


def hanoi_office_site(rng: random.Random) -> Site:
    """An office in one of Hanoi's urban wards."""
    ward, streets = rng.choice(_HANOI_OFFICES)
    address = f"Số {rng.randint(1, 350)} {rng.choice(streets)}, {ward}, Hà Nội"
    return Site(address, _name(ward), None, vietnamese_phone(rng))


def nearby_province_site(rng: random.Random) -> Site:
    """A plot in an industrial park of a province bordering Hanoi."""
    park, unit, province, area, prefix = rng.choice(_NEARBY_PARKS)
    plot = f"Lô {rng.choice(('CN', 'A', 'B', 'D'))}{rng.randint(1, 30)}"
    address = f"{plot}, KCN {park}, {unit}, {province}"
    return Site(address, _name(unit), park, vietnamese_phone(rng, area), prefix)


def foreign_site(rng: random.Random, country: str) -> Site:
    """A head-office address in the buyer's home country."""
    city, area, template = rng.choice(FOREIGN_PLACES[country])
    address = template.format(
        n=rng.randint(1, 480),
        a=rng.randint(1, 9),
        b=rng.randint(1, 9),
        c=rng.randint(1, 30),
        p=rng.randint(100, 999),
    )
    dial = DIALLING_CODES[country]
    if area:
        phone = f"+{dial} {area} {_digits(rng, 4)} {_digits(rng, 4)}"
    else:
        # Singapore has no area codes; business lines start with 6.
        phone = f"+{dial} 6{_digits(rng, 3)} {_digits(rng, 4)}"
    return Site(address, city, None, phone, "")
