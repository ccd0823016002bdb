"""Where demo enterprises sit: Hanoi's industrial parks, clusters, craft communes and offices,
the neighbouring provinces, and the home cities of foreign buyers.

Localities are post-July-2025 commune or ward names, or the well-known area names people still use.
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


# (park, locality)
_HANOI_PARKS = (
    ("Thăng Long", "Đông Anh"),
    ("Bắc Thăng Long", "Đông Anh"),
    ("Nguyên Khê", "Đông Anh"),
    ("Nội Bài", "Sóc Sơn"),
    ("Quang Minh", "Quang Minh"),
    ("Quang Minh", "Mê Linh"),
    ("Nam Thăng Long", "Bắc Từ Liêm"),
    ("Phú Nghĩa", "Phú Nghĩa"),
    ("Thạch Thất – Quốc Oai", "Thạch Thất"),
    ("Hà Nội – Đài Tư", "Long Biên"),
    ("Sài Đồng B", "Long Biên"),
)
_HANOI_CLUSTERS = (
    ("Phùng Xá", "Thạch Thất"),
    ("Ngọc Hồi", "Ngọc Hồi"),
    ("Hà Bình Phương", "Thường Tín"),
    ("Quất Động", "Thường Tín"),
    ("Phú Thị", "Gia Lâm"),
)
_HANOI_COMMUNES = (
    ("Phúc Thọ", ("Quốc lộ 32", "Thôn Thượng", "Thôn Hạ")),
    ("Hoài Đức", ("Thôn Đông", "Thôn Tiền Lệ", "Đường 422")),
    ("Thường Tín", ("Quốc lộ 1A", "Thôn Văn Hội")),
    ("Mê Linh", ("Đường Mê Linh", "Thôn Bạch Trữ")),
    ("Sóc Sơn", ("Quốc lộ 3", "Thôn Đông Xuân")),
    ("Chương Mỹ", ("Quốc lộ 6", "Thôn Trung Hòa")),
    ("Đông Anh", ("Đường Cao Lỗ", "Thôn Nguyên Khê")),
)
_HANOI_OFFICES = (
    ("Cầu Giấy", ("Duy Tân", "Trần Thái Tông", "Tôn Thất Thuyết", "Trần Duy Hưng")),
    ("Đống Đa", ("Láng Hạ", "Thái Hà", "Chùa Bộc")),
    ("Thanh Xuân", ("Nguyễn Trãi", "Lê Văn Lương", "Khuất Duy Tiến")),
    ("Hai Bà Trưng", ("Minh Khai", "Bạch Mai", "Lò Đúc")),
    ("Long Biên", ("Nguyễn Văn Cừ", "Ngô Gia Tự")),
    ("Hoàng Mai", ("Giải Phóng", "Tam Trinh")),
    ("Ba Đình", ("Kim Mã", "Liễu Giai", "Đội Cấn")),
    ("Từ Liêm", ("Phạm Hùng", "Hồ Tùng Mậu", "Lê Đức Thọ")),
)
# (park, locality, province, phone area code, tax-code prefix)
_NEARBY_PARKS = (
    ("Yên Phong", "Yên Phong", "Bắc Ninh", "222", "23"),
    ("Quế Võ", "Quế Võ", "Bắc Ninh", "222", "23"),
    ("Đại Đồng – Hoàn Sơn", "Tiên Du", "Bắc Ninh", "222", "23"),
    ("Quang Châu", "Việt Yên", "Bắc Ninh", "204", "24"),
    ("Thăng Long II", "Yên Mỹ", "Hưng Yên", "221", "09"),
    ("Phố Nối A", "Mỹ Hào", "Hưng Yên", "221", "09"),
    ("Bá Thiện", "Bình Xuyên", "Phú Thọ", "211", "25"),
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


def hanoi_park_site(rng: random.Random) -> Site:
    """A plot in one of Hanoi's industrial parks or the Hòa Lạc hi-tech park."""
    if rng.random() < 0.12:
        # Hòa Lạc is a hi-tech park with its own plot numbering, not an ordinary KCN.
        address = f"Lô CX-{rng.randint(1, 40):02d}, Khu Công nghệ cao Hòa Lạc, Hà Nội"
        return Site(address, "Hòa Lạc", "Hòa Lạc", vietnamese_phone(rng))
    park, locality = rng.choice(_HANOI_PARKS)
    plot = f"Lô {rng.choice(('CN', 'A', 'B', 'C'))}{rng.randint(1, 24)}"
    return Site(f"{plot}, KCN {park}, Hà Nội", locality, park, vietnamese_phone(rng))


def hanoi_workshop_site(rng: random.Random) -> Site:
    """A workshop in an industrial cluster or a craft commune on Hanoi's outskirts."""
    if rng.random() < 0.5:
        cluster, locality = rng.choice(_HANOI_CLUSTERS)
        address = f"Lô {rng.randint(1, 60)}, CCN {cluster}, Hà Nội"
        return Site(address, locality, cluster, vietnamese_phone(rng))
    locality, roads = rng.choice(_HANOI_COMMUNES)
    address = f"Số {rng.randint(2, 180)}, {rng.choice(roads)}, xã {locality}, Hà Nội"
    return Site(address, locality, None, vietnamese_phone(rng))


def hanoi_office_site(rng: random.Random) -> Site:
    """An office in one of Hanoi's urban wards."""
    ward, streets = rng.choice(_HANOI_OFFICES)
    address = f"Số {rng.randint(1, 350)} {rng.choice(streets)}, phường {ward}, Hà Nội"
    return Site(address, ward, None, vietnamese_phone(rng))


def nearby_province_site(rng: random.Random) -> Site:
    """A plot in an industrial park of a province bordering Hanoi."""
    park, locality, province, area, prefix = rng.choice(_NEARBY_PARKS)
    plot = f"Lô {rng.choice(('CN', 'A', 'B', 'D'))}{rng.randint(1, 30)}"
    return Site(f"{plot}, KCN {park}, {province}", locality, park, vietnamese_phone(rng, area), prefix)


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
