"""The organizer's documents and exports built off the request path: PDF bundles and tables of any
size, stored keyed by what they were built from."""
