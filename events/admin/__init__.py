# Admin registrations live in one module per area; importing them registers them.
from . import business, events, planning, podcasts, registrations, reminders  # noqa: F401
