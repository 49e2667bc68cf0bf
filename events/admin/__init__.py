# Admin registrations live in one module per area; importing them registers them.
from . import events, planning, podcasts, registrations, reminders  # noqa: F401
