"""A deterministic demo fair: curated supply-chain taxonomy and fictional enterprises (pure Python)."""

from fairmatch.demo.generate import build_demo_exchange, kind_counts
from fairmatch.demo.taxonomy import load_taxonomy

__all__ = ["build_demo_exchange", "kind_counts", "load_taxonomy"]
