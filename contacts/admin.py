"""Admin for organizations, people, affiliations, sources, delegation visits and meetings."""
