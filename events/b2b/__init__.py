"""The business program: B2B matchmaking for "B2B meeting" and "business forum" events.

Domain (enums, models, scheduler) <- services <- audiences (participant pages, board pages).
"""
