"""A lead enterprise's bill of materials as the chain view shows it: each input (and the tooling,
equipment and services its products are made with) with the Vietnamese-owned suppliers that can
provide it, the FDI plants that make it too, and the gaps (inputs no Vietnamese-owned supplier
makes: where a Vietnamese firm could replace an import)."""

from dataclasses import dataclass

from flask_babel import gettext as _

from fairmatch.errors import NotFound
from fairmatch.i18n import input_kind_label
from fairmatch.matching.graph import supply_graph
from fairmatch.supplychain.reports import fdi_makers, local_makers

ROW_HEIGHT = 34


@dataclass(frozen=True)
class ChainRow:
    code: str
    name: str
    depth: int  # 1: a direct input; 2: an input of that input
    suppliers: tuple[tuple[str, str], ...]  # (key, name) of Vietnamese-owned makers
    y: int
    fdi_suppliers: tuple[tuple[str, str], ...] = ()  # (key, name) of FDI plants that make it
    hs: str = ""
    relation: str = ""  # tooling, equipment or service, in the reader's language; "" for a material

    @property
    def is_gap(self) -> bool:
        return not self.suppliers


@dataclass(frozen=True)
class ChainProduct:
    code: str
    name: str
    rows: tuple[ChainRow, ...]

    @property
    def height(self) -> int:
        return max(1, len(self.rows)) * ROW_HEIGHT + 16


def chain_of(key: str, lang: str) -> list[ChainProduct]:
    """For each category `key` makes: its inputs two levels deep and who locally makes each."""
    graph = supply_graph()
    if key not in graph:
        raise NotFound(_("No enterprise with the key %(key)s.", key=key))

    def named(keys: list[str]) -> tuple[tuple[str, str], ...]:
        return tuple((k, graph.enterprise_name(k, lang)) for k in keys if k != key)

    def row(code: str, depth: int, index: int, kind: str = "material") -> ChainRow:
        return ChainRow(code, graph.category_name(code, lang), depth, named(local_makers(graph, code)),
                        index * ROW_HEIGHT, named(fdi_makers(graph, code)), graph.categories[code].hs or "",
                        input_kind_label(kind) if kind != "material" else "")

    products = []
    for made in sorted(graph.profiles[key].offers):
        rows: list[ChainRow] = []
        for code in graph.categories[made].inputs:
            rows.append(row(code, 1, len(rows)))
            for sub in graph.categories[code].inputs:
                rows.append(row(sub, 2, len(rows)))
        for code, kind in graph.categories[made].means:
            rows.append(row(code, 1, len(rows), kind))
        products.append(ChainProduct(made, graph.category_name(made, lang), tuple(rows)))
    return products
