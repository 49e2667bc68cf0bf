"""Adding and changing people, organizations, sources, visits, meetings and outcomes.

Board members may add and change (the Board group's permissions); deleting stays with the staff
in the admin. Each view validates, calls one service of contacts.services and says what
happened; a new name that folds to an existing record's shows that record first.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from anniversary.permissions import board_permission

from . import services
from .models import Affiliation, DelegationVisit, Meeting, Organization, Outcome, Person, Source
from .record_forms import (
    MAX_INLINE_ROWS,
    AffiliationFormSet,
    MeetingForm,
    MeetingFormSet,
    OrganizationForm,
    OutcomeFormSet,
    PersonForm,
    SourceForm,
    VisitForm,
    inline_helper,
)

TEMPLATE = "contacts/record_form.html"
ADD_ROW = "add_row"


def _posted(request, prefix: str):
    """(data, adding): the posted data, with one more empty row of `prefix`'s list when the
    member pressed "add a row" (nothing is saved then); (None, False) for a GET."""
    if request.method != "POST":
        return None, False
    if request.POST.get(ADD_ROW) != prefix:
        return request.POST, False
    data = request.POST.copy()
    total = f"{prefix}-TOTAL_FORMS"
    try:
        rows = int(data.get(total, ""))
    except ValueError:
        return data, True  # a broken list: shown back as it came, with the formset's error
    data[total] = str(min(rows + 1, MAX_INLINE_ROWS))
    return data, True


def _render(
    request, *, title, form, back_url, formsets=(), duplicates=(), adding=False, status=200
):
    if adding:
        # Adding a row is no attempt to save: the half-filled form shows no errors yet.
        for each in [form, *(row for formset in formsets for row in formset)]:
            each.errors.clear()
        for formset in formsets:
            formset.non_form_errors().clear()
    for formset in formsets:
        formset.helper = inline_helper()
        for row in formset:
            # A filled row folds into its summary, unless a real save found a mistake in it.
            row.folded = row.is_filled() and not row.errors
    return render(
        request,
        TEMPLATE,
        {
            "title": title,
            "form": form,
            "formsets": formsets,
            "duplicates": duplicates,
            "back_url": back_url,
        },
        status=status,
    )


def _saved(request, obj, created: bool) -> None:
    if created:
        messages.success(request, _("“%(name)s” was added.") % {"name": obj})
    else:
        messages.success(request, _("Changes to “%(name)s” were saved.") % {"name": obj})


def _named_record(request, *, model, form_class, pk, save, with_affiliations: bool):
    instance = get_object_or_404(model, pk=pk) if pk else None
    created = instance is None
    data, adding = _posted(request, "roles")
    form = form_class(data, instance=instance)
    if not created:
        form.fields.pop("allow_duplicate")
        form.helper.layout.fields.remove("allow_duplicate")
    formsets = []
    if with_affiliations:
        formsets = [
            AffiliationFormSet(
                data,
                instance=instance or Person(),
                prefix="roles",
                queryset=Affiliation.objects.select_related("organization"),
            )
        ]
    if model is Person:
        title = _("New person") if created else _("Edit “%(name)s”") % {"name": instance}
        back = reverse("contacts:directory") if created else reverse("contacts:person", args=[pk])
    else:
        title = _("New organization") if created else _("Edit “%(name)s”") % {"name": instance}
        back = (
            reverse("contacts:organizations")
            if created
            else reverse("contacts:organization", args=[pk])
        )
    if adding:
        return _render(
            request, title=title, form=form, formsets=formsets, back_url=back, adding=True
        )
    if data is not None and form.is_valid() and all(f.is_valid() for f in formsets):
        try:
            kwargs = {"affiliations": formsets[0]} if formsets else {}
            obj = save(
                form=form,
                allow_duplicate=form.cleaned_data.get("allow_duplicate", False),
                by=request.user,
                **kwargs,
            )
        except services.DuplicateName as duplicate:
            messages.warning(
                request,
                _(
                    "A record with this name exists already. Open it, or tick the box below if "
                    "this is really someone else."
                ),
            )
            return _render(
                request,
                title=title,
                form=form,
                formsets=formsets,
                back_url=back,
                duplicates=duplicate.existing,
                status=409,
            )
        _saved(request, obj, created)
        return HttpResponseRedirect(obj_url(obj))
    status = 400 if data is not None else 200
    return _render(request, title=title, form=form, formsets=formsets, back_url=back, status=status)


def obj_url(obj) -> str:
    if isinstance(obj, Person):
        return reverse("contacts:person", args=[obj.pk])
    if isinstance(obj, Organization):
        return reverse("contacts:organization", args=[obj.pk])
    if isinstance(obj, DelegationVisit):
        return reverse("contacts:visit", args=[obj.pk])
    if isinstance(obj, Meeting):
        return (
            reverse("contacts:visit", args=[obj.visit_id])
            if obj.visit_id
            else reverse("contacts:meeting_edit", args=[obj.pk])
        )
    return reverse("contacts:source_edit", args=[obj.pk])


@board_permission("contacts.add_person", "contacts.add_affiliation")
def person_create(request):
    return _named_record(
        request,
        model=Person,
        form_class=PersonForm,
        pk=None,
        save=services.save_person,
        with_affiliations=True,
    )


@board_permission(
    "contacts.change_person", "contacts.add_affiliation", "contacts.change_affiliation"
)
def person_edit(request, pk):
    return _named_record(
        request,
        model=Person,
        form_class=PersonForm,
        pk=pk,
        save=services.save_person,
        with_affiliations=True,
    )


@board_permission("contacts.add_organization")
def organization_create(request):
    return _named_record(
        request,
        model=Organization,
        form_class=OrganizationForm,
        pk=None,
        save=services.save_organization,
        with_affiliations=False,
    )


@board_permission("contacts.change_organization")
def organization_edit(request, pk):
    return _named_record(
        request,
        model=Organization,
        form_class=OrganizationForm,
        pk=pk,
        save=services.save_organization,
        with_affiliations=False,
    )


def _source(request, pk):
    instance = get_object_or_404(Source, pk=pk) if pk else None
    data = request.POST if request.method == "POST" else None
    form = SourceForm(data, instance=instance)
    title = _("New source") if instance is None else _("Edit “%(name)s”") % {"name": instance}
    back = request.GET.get("next") or reverse("contacts:visits")
    if data is not None and form.is_valid():
        source = services.save_source(form=form, by=request.user)
        _saved(request, source, instance is None)
        return redirect("contacts:source_edit", pk=source.pk)
    return _render(
        request, title=title, form=form, back_url=back, status=400 if data is not None else 200
    )


@board_permission("contacts.add_source")
def source_create(request):
    return _source(request, None)


@board_permission("contacts.change_source")
def source_edit(request, pk):
    return _source(request, pk)


def _visit(request, pk):
    instance = get_object_or_404(DelegationVisit, pk=pk) if pk else None
    data, adding = _posted(request, "meetings")
    form = VisitForm(data, instance=instance)
    meetings = MeetingFormSet(
        data,
        instance=instance or DelegationVisit(),
        prefix="meetings",
        queryset=Meeting.objects.prefetch_related("participants", "organizations", "sources"),
    )
    title = (
        _("New delegation visit")
        if instance is None
        else _("Edit “%(name)s”") % {"name": instance.title}
    )
    back = reverse("contacts:visits") if instance is None else reverse("contacts:visit", args=[pk])
    if not adding and data is not None and form.is_valid() and meetings.is_valid():
        visit = services.save_visit(form=form, meetings=meetings, by=request.user)
        _saved(request, visit.title, instance is None)
        return redirect("contacts:visit", pk=visit.pk)
    return _render(
        request,
        title=title,
        form=form,
        formsets=[meetings],
        back_url=back,
        adding=adding,
        status=400 if data is not None and not adding else 200,
    )


@board_permission("contacts.add_delegationvisit", "contacts.add_meeting", "contacts.change_meeting")
def visit_create(request):
    return _visit(request, None)


@board_permission(
    "contacts.change_delegationvisit", "contacts.add_meeting", "contacts.change_meeting"
)
def visit_edit(request, pk):
    return _visit(request, pk)


def _meeting(request, *, meeting: Meeting | None, visit: DelegationVisit | None):
    data, adding = _posted(request, "outcomes")
    form = MeetingForm(data, instance=meeting or Meeting(visit=visit))
    outcomes = OutcomeFormSet(
        data,
        instance=meeting or Meeting(),
        prefix="outcomes",
        queryset=Outcome.objects.select_related("owner"),
    )
    if meeting is None:
        title = _("New meeting")
    else:
        title = _("Meeting and outcomes: %(name)s") % {"name": meeting.title}
    parent = visit or (meeting.visit if meeting else None)
    back = reverse("contacts:visit", args=[parent.pk]) if parent else reverse("contacts:visits")
    if not adding and data is not None and form.is_valid() and outcomes.is_valid():
        saved = services.save_meeting(form=form, outcomes=outcomes, by=request.user)
        _saved(request, saved.title, meeting is None)
        return HttpResponseRedirect(obj_url(saved))
    return _render(
        request,
        title=title,
        form=form,
        formsets=[outcomes],
        back_url=back,
        adding=adding,
        status=400 if data is not None and not adding else 200,
    )


@board_permission("contacts.add_meeting", "contacts.add_outcome")
def meeting_create(request, visit_pk):
    visit = get_object_or_404(DelegationVisit, pk=visit_pk)
    return _meeting(request, meeting=None, visit=visit)


@board_permission("contacts.change_meeting", "contacts.add_outcome", "contacts.change_outcome")
def meeting_edit(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.select_related("visit").prefetch_related(
            Prefetch("outcome_set", queryset=Outcome.objects.select_related("owner"))
        ),
        pk=pk,
    )
    return _meeting(request, meeting=meeting, visit=meeting.visit)


@require_POST
@board_permission("contacts.change_outcome")
def outcome_done(request, pk):
    outcome = get_object_or_404(Outcome, pk=pk)
    services.close_outcome(outcome=outcome, by=request.user)
    messages.success(request, _("The follow-up is marked done."))
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(obj_url(outcome.meeting))
