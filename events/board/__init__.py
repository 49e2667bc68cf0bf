"""The board audience (being gathered here from events/board_*.py)."""
