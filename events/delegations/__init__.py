"""Delegations as a unit: a head registers a group; its seats are held whole or not at all."""
