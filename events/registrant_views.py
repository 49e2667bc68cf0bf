from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render

from .models import Event


@permission_required("events.view_registration", raise_exception=True)
def registrant_list(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return render(
        request,
        "board/registrants.html",
        {"event": event, "registrations": event.registrations.all()},
    )
