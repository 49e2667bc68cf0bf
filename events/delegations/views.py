"""The head of delegation's pages: register a group, then see, confirm or cancel it by link."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..models import Event
from .forms import DelegationForm, MemberFormSet, members_from_rows
from .links import BadGroupToken, make_group_token, read_group_token
from .services import DelegationError, cancel_group, confirm_group, register_group


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    event = get_object_or_404(Event.objects.select_related("venue").public(), slug=slug)
    form = DelegationForm(request.POST or None, request.FILES or None)
    rows = MemberFormSet(request.POST or None, prefix="members")
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and rows.is_valid():
            data = form.cleaned_data
            try:
                # The file, read by the form, replaces the rows.
                members = data["members_csv"] or members_from_rows(
                    rows, default_language=data["head_language"]
                )
                group = register_group(
                    event=event,
                    name=data["name"],
                    head_name=data["head_name"],
                    head_email=data["head_email"],
                    head_language=data["head_language"],
                    country=data["country"],
                    members=members,
                    consent=data["consent"],
                )
            except ValidationError as exc:  # DelegationError
                form.add_error(None, exc)
            else:
                return redirect("delegations:manage", pk=group.pk, token=make_group_token(group))
    return render(
        request,
        "delegations/register.html",
        {"event": event, "form": form, "rows": rows},
        status=status,
    )


def _group(pk: int, token: str):
    try:
        group = read_group_token(token, max_age=settings.REGISTRATION_LINK_MAX_AGE_DAYS * 86400)
    except BadGroupToken:
        return None
    return group if group.pk == pk else None


@require_safe
def manage(request, pk: int, token: str):
    group = _group(pk, token)
    if group is None:
        return render(request, "events/bad_link.html", status=403)
    members = group.members.select_related("registration")
    return render(
        request,
        "delegations/manage.html",
        {"group": group, "event": group.event, "members": members, "token": token},
    )


@require_POST
def act(request, pk: int, token: str, action: str):
    group = _group(pk, token)
    if group is None:
        return render(request, "events/bad_link.html", status=403)
    try:
        if action == "confirm":
            confirm_group(group=group)
            messages.success(
                request, _("Your delegation is confirmed; every member gets an email.")
            )
        else:
            cancel_group(group=group)
            messages.success(request, _("Your delegation's registration is cancelled."))
    except DelegationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("delegations:manage", pk=pk, token=token)
