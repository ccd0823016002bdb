"""A lead enterprise's bill of materials as the chain view shows it: each input with the local
suppliers that can provide it, and the gaps (inputs no local supplier makes)."""

from dataclasses import dataclass

from flask_babel import gettext as _

from fairmatch.errors import NotFound
from fairmatch.matching.graph import supply_graph
from fairmatch.supplychain.reports import local_makers

ROW_HEIGHT = 34


@dataclass(frozen=True)
class ChainRow:
    code: str
    name: str
    depth: int  # 1: a direct input; 2: an input of that input
    suppliers: tuple[tuple[str, str], ...]  # (key, name) of local makers
    y: int

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

    def row(code: str, depth: int, index: int) -> ChainRow:
        makers = tuple((k, graph.enterprise_name(k, lang)) for k in local_makers(graph, code) if k != key)
        return ChainRow(code, graph.category_name(code, lang), depth, makers, index * ROW_HEIGHT)

    products = []
    for made in sorted(graph.profiles[key].offers):
        rows: list[ChainRow] = []
        for code in graph.categories[made].inputs:
            rows.append(row(code, 1, len(rows)))
            for sub in graph.categories[code].inputs:
                rows.append(row(sub, 2, len(rows)))
        products.append(ChainProduct(made, graph.category_name(made, lang), tuple(rows)))
    return products
