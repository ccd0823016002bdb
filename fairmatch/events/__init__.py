"""The fair's side events: conferences, supply-demand connection sessions, workshops and training."""
