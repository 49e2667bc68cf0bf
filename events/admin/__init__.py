# Admin registrations live in one module per area; importing them registers them.
from . import business, planning, program, reminders  # noqa: F401
