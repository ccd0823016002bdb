"""Enterprise work off the request path: imports of the exchange document, and exports, of any size."""
