"""Admin for venues, events, registrations and the podcast series."""
