"""The fair edition, low in the house: the model, the current-fair look-up and the editions.

Booth sales, the floor plan, meetings and the directory act on the current edition; they import
it from here, never from the organizer console above them. This package imports no feature."""
