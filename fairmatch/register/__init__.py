"""The city's recognised-products register: imported, matched to enterprises, followed up with invitations."""
