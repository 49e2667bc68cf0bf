"""Admin for reminder deliveries."""
