from django.shortcuts import render

from .models import Event


def home(request):
    events = Event.objects.public().upcoming().select_related("venue")[:6]
    return render(request, "events/home.html", {"events": events})


def program(request):
    events = Event.objects.public().select_related("venue")
    return render(request, "events/program.html", {"events": events})


def event_detail(request, slug):
    from django.shortcuts import get_object_or_404

    event = get_object_or_404(Event.objects.public().select_related("venue"), slug=slug)
    return render(request, "events/detail.html", {"event": event})
