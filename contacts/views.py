from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .models import Organization, Person


@login_required
def directory(request):
    query = request.GET.get("q", "")
    people = Person.objects.search(query).alphabetical()[:50]
    organizations = Organization.objects.search(query).alphabetical()[:50]
    return render(
        request,
        "contacts/directory.html",
        {"people": people, "organizations": organizations, "q": query},
    )
