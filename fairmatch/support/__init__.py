"""Support for exhibitors: booth pricing rules the programme funds, each with a budget."""
