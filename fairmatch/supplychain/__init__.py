"""Supply-chain matching: a pure core over plain data (no Flask, SQLAlchemy or WTForms).

Build a `SupplyGraph` from categories and enterprises, then ask it for ranked suppliers,
customers or sourcing-request matches, explain them, and report chain gaps and nuclei.
"""

from fairmatch.supplychain.explanations import explain, to_json
from fairmatch.supplychain.graph import SupplyGraph, build_graph
from fairmatch.supplychain.graph_input import from_exchange
from fairmatch.supplychain.model import (
    Category,
    Enterprise,
    Factor,
    Match,
    Need,
    Product,
    Quantity,
    SourcingRequest,
    Weights,
)
from fairmatch.supplychain.ranking import Unmet, rank_customers, rank_for_request, rank_suppliers, unmet_needs
from fairmatch.supplychain.reports import (
    Gap,
    Hub,
    Nucleus,
    gap_report,
    nucleus_report,
    supplier_hubs,
)

__all__ = [
    "Category",
    "Enterprise",
    "Factor",
    "Gap",
    "Hub",
    "Match",
    "Need",
    "Nucleus",
    "Product",
    "Quantity",
    "SourcingRequest",
    "SupplyGraph",
    "Unmet",
    "Weights",
    "build_graph",
    "explain",
    "from_exchange",
    "gap_report",
    "nucleus_report",
    "rank_customers",
    "rank_for_request",
    "rank_suppliers",
    "supplier_hubs",
    "to_json",
    "unmet_needs",
]
