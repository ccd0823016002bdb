"""Factories for small hand-built supply chains (plain data, no database)."""

import pytest

from fairmatch.supplychain import Category, Enterprise, Product, build_graph

# A garment chain (yarn → fabric → garment, with zippers and cartons), a transformer chain and a
# chain D → C → B → A four steps deep, with Vietnamese and English names.
CATEGORIES = (
    Category("GARMENT", "textiles-garments", ("FABRIC", "ZIPPER", "CARTON"), "Quần áo may sẵn", "Ready-made garments"),
    Category("FABRIC", "textiles-garments", ("YARN",), "Vải dệt thoi", "Woven fabric"),
    Category("YARN", "textiles-garments", (), "Sợi", "Yarn"),
    Category("ZIPPER", "textiles-garments", (), "Khóa kéo", "Zippers"),
    Category("CARTON", "packaging", (), "Thùng carton", "Corrugated cartons"),
    Category("TRANSFORMER", "electrical-electronics", ("WIRE", "OIL"), "Máy biến áp", "Power transformers"),
    Category("WIRE", "metals", (), "Dây đồng", "Copper winding wire"),
    Category("OIL", "chemicals", (), "Dầu cách điện", "Insulating oil"),
    Category("A", "automotive-motorcycle", ("B",), "Động cơ", "Engines"),
    Category("B", "precision-mechanics", ("C",), "Chi tiết gia công", "Machined parts"),
    Category("C", "metals", ("D",), "Vật đúc nhôm", "Aluminium castings"),
    Category("D", "metals", (), "Nhôm thỏi", "Aluminium ingots"),
)


@pytest.fixture
def make_firm():
    """Build an Enterprise: `make_firm("S1", makes=["WIRE"], needs=[Need("OIL")], locality=...)`;
    `capacity` maps a made category to its Quantity, `recognized` lists recognised ones."""

    def make(key: str, makes=(), needs=(), recognized=(), capacity=None, **overrides) -> Enterprise:
        products = tuple(
            Product(code, f"SP {code}", f"P {code}", capacity.get(code) if capacity else None, code in recognized)
            for code in makes
        )
        fields = {
            "name_vi": f"Công ty {key}",
            "name_en": f"{key} Co.",
            "kind": "supplier",
            "sectors": frozenset(),
            "locality": "Thanh Trì",
            "certifications": frozenset({"ISO 9001"}),
            "products": products,
            "needs": tuple(needs),
        }
        fields.update(overrides)
        fields["certifications"] = frozenset(fields["certifications"])
        return Enterprise(key=key, **fields)

    return make


@pytest.fixture
def make_graph():
    """Build a SupplyGraph of the test taxonomy and these enterprises."""

    def make(*enterprises: Enterprise, categories=CATEGORIES):
        return build_graph(categories, enterprises)

    return make
