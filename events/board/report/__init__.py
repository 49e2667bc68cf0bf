"""The anniversary year in numbers: aggregate figures, charts and exports for the board."""
