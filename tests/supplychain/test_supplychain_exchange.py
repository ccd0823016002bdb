"""Reading a fairmatch-exchange/1 document into matching inputs."""

from fairmatch.supplychain import Quantity, from_exchange

DOC = {
    "format": "fairmatch-exchange/1",
    "categories": [
        {
            "code": "ELEC.TRANSFORMER",
            "name_vi": "Máy biến áp",
            "name_en": "Power transformer",
            "sector": "electrical-electronics",
            "inputs": ["MAT.COPPER_WIRE"],
        },
        {"code": "MAT.COPPER_WIRE", "name_vi": "Dây đồng", "name_en": "Copper wire", "sector": "metals"},
    ],
    "enterprises": [
        {
            "tax_code": "0101234567",
            "name_vi": "Công ty CP Thiết bị điện Sông Hồng",
            "kind": "lead",
            "sectors": ["electrical-electronics"],
            "locality": "Đông Anh",
            "industrial_park": "Nguyên Khê",
            "certifications": ["ISO 9001", {"name": "ISO 14001", "expires_on": "2027-06-30"}],
            "products": [
                {
                    "name_vi": "Máy biến áp 110 kV",
                    "category": "ELEC.TRANSFORMER",
                    "annual_capacity": {"value": 1200, "unit": "units"},
                    "recognized_key_product": {"year": 2024, "decision_no": "1234/QĐ-UBND"},
                }
            ],
            "needs": [
                {
                    "category": "MAT.COPPER_WIRE",
                    "required_certifications": ["ISO 9001"],
                    "annual_volume": {"value": 300, "unit": "t"},
                }
            ],
        },
        {
            "country": "JP",
            "registration_no": "0104010012345",
            "name_en": "Nippon Wire",
            "kind": "fdi",
            "products": [{"name_en": "Wire", "category": "MAT.COPPER_WIRE", "recognized_key_product": False}],
        },
    ],
}


def test_categories_keep_their_bill_of_materials_and_names():
    categories, _ = from_exchange(DOC)
    transformer = categories[0]
    assert (transformer.code, transformer.inputs, transformer.name_en) == (
        "ELEC.TRANSFORMER",
        ("MAT.COPPER_WIRE",),
        "Power transformer",
    )
    assert categories[1].inputs == ()


def test_enterprises_are_keyed_by_tax_code_or_country_and_registration_and_count_as_verified():
    _, (lead, foreign) = from_exchange(DOC)
    assert (lead.key, lead.country, foreign.key, foreign.country) == ("0101234567", "VN", "JP-0104010012345", "JP")
    assert lead.verified and foreign.verified and lead.booth is None


def test_certifications_products_and_needs_are_read_with_expiry_dates_dropped():
    _, (lead, foreign) = from_exchange(DOC)
    assert lead.certifications == {"ISO 9001", "ISO 14001"}
    assert lead.products[0].recognized and lead.products[0].annual_capacity == Quantity(1200.0, "units")
    assert not foreign.products[0].recognized
    need = lead.needs[0]
    assert (need.category, need.required_certifications, need.annual_volume) == (
        "MAT.COPPER_WIRE",
        {"ISO 9001"},
        Quantity(300.0, "t"),
    )
    assert (lead.locality, lead.industrial_park, lead.sectors) == ("Đông Anh", "Nguyên Khê", {"electrical-electronics"})
