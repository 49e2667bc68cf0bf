"""The board's directory: people, organizations, delegation visits, and contact import/export.

Reading needs the model's view permission; importing needs add and change permissions of what
the file writes. Anonymous visitors go to the login page; users without the permission get 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from anniversary.permissions import board_permission

from . import pending_imports, selectors
from .forms import ContactImportForm, DirectorySearchForm
from .models import DelegationVisit, Organization, Person, Source, sort_field
from .resources import ORGANIZATIONS, PEOPLE, RESOURCES
from .services import import_contacts
from .spreadsheets import CSV, XLSX, TableError, read_table, table_response

PAGE_SIZE = 25
# The checked file's token waits in the session between the preview and the confirmation.
PENDING_IMPORT = "contacts_pending_import"

VIEW_PERMISSIONS = {PEOPLE: "contacts.view_person", ORGANIZATIONS: "contacts.view_organization"}
IMPORT_PERMISSIONS = {
    PEOPLE: (
        "contacts.add_person",
        "contacts.change_person",
        "contacts.add_affiliation",
        "contacts.change_affiliation",
        "contacts.add_organization",
    ),
    ORGANIZATIONS: ("contacts.add_organization", "contacts.change_organization"),
}


def _tabs(request, query: str, active: str) -> list[dict]:
    """People / Organizations / Visits, each with its count for the current search."""
    tabs = []
    if request.user.has_perm("contacts.view_person"):
        tabs.append(
            {
                "key": PEOPLE,
                "label": _("People"),
                "url": "contacts:directory",
                "count": Person.objects.search(query).count() if active != PEOPLE else None,
            }
        )
    if request.user.has_perm("contacts.view_organization"):
        tabs.append(
            {
                "key": ORGANIZATIONS,
                "label": _("Organizations"),
                "url": "contacts:organizations",
                "count": Organization.objects.search(query).count()
                if active != ORGANIZATIONS
                else None,
            }
        )
    if request.user.has_perm("contacts.view_delegationvisit"):
        tabs.append(
            {
                "key": "visits",
                "label": _("Delegation visits"),
                "url": "contacts:visits",
                "count": None,
            }
        )
    return tabs


def _list_page(request, *, kind: str, queryset, template: str, placeholder: str):
    form = DirectorySearchForm(request.GET, placeholder=placeholder)
    query = form.query
    page = Paginator(queryset(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        template,
        {
            "form": form,
            "q": query,
            "page": page,
            "tabs": _tabs(request, query, kind),
            "active": kind,
            "today": timezone.localdate(),
            "can_import": request.user.has_perms(IMPORT_PERMISSIONS[kind])
            if kind in IMPORT_PERMISSIONS
            else False,
        },
    )


@board_permission("contacts.view_person")
def directory(request):
    return _list_page(
        request,
        kind=PEOPLE,
        queryset=selectors.people_for_directory,
        template="contacts/directory.html",
        placeholder=_("Name, e.g. İsmayilov"),
    )


@board_permission("contacts.view_organization")
def organization_list(request):
    return _list_page(
        request,
        kind=ORGANIZATIONS,
        queryset=selectors.organizations_for_directory,
        template="contacts/organizations.html",
        placeholder=_("Name or short name, e.g. İZAZDER"),
    )


@board_permission("contacts.view_delegationvisit")
def visit_list(request):
    return _list_page(
        request,
        kind="visits",
        queryset=selectors.visits_for_directory,
        template="contacts/visits.html",
        placeholder=_("Title or city, e.g. Bakü"),
    )


@board_permission("contacts.view_person")
def person_detail(request, pk):
    person = get_object_or_404(
        Person.objects.prefetch_related(
            Prefetch("sources", queryset=Source.objects.all()),
            Prefetch(
                "affiliations",
                queryset=selectors.affiliations_newest_first().prefetch_related("sources"),
            ),
        ),
        pk=pk,
    )
    return render(
        request,
        "contacts/person.html",
        {
            "person": person,
            "timeline": selectors.person_timeline(person),
            "today": timezone.localdate(),
        },
    )


@board_permission("contacts.view_organization")
def organization_detail(request, pk):
    organization = get_object_or_404(
        Organization.objects.prefetch_related(
            Prefetch("sources", queryset=Source.objects.all()),
            Prefetch(
                "affiliations",
                queryset=selectors.affiliations_newest_first()
                .order_by(sort_field("person__"), "-start")
                .prefetch_related("sources"),
            ),
        ),
        pk=pk,
    )
    return render(
        request,
        "contacts/organization.html",
        {
            "organization": organization,
            "timeline": selectors.organization_timeline(organization),
            "today": timezone.localdate(),
        },
    )


@board_permission("contacts.view_delegationvisit")
def visit_detail(request, pk):
    try:
        visit = selectors.visit_with_everything(pk)
    except DelegationVisit.DoesNotExist:
        raise Http404 from None
    travellers = [
        {"person": person, "role": selectors.role_on(person, visit.start_date)}
        for person in visit.travellers.all()
    ]
    return render(
        request,
        "contacts/visit.html",
        {"visit": visit, "travellers": travellers, "now": timezone.now()},
    )


@login_required
def contact_export(request, kind, fmt):
    if kind not in RESOURCES or fmt not in (CSV, XLSX):
        raise Http404
    if not request.user.has_perm(VIEW_PERMISSIONS[kind]):
        raise PermissionDenied
    query = DirectorySearchForm(request.GET).query
    model = Person if kind == PEOPLE else Organization
    queryset = model.objects.search(query).alphabetical()
    dataset = RESOURCES[kind]().export_table(queryset)
    stem = f"kardes40-{kind}-{timezone.localdate():%Y-%m-%d}"
    return table_response(dataset, fmt=fmt, file_stem=stem)


def _can_import(user, kind: str | None = None) -> bool:
    kinds = [kind] if kind else list(IMPORT_PERMISSIONS)
    return any(user.has_perms(IMPORT_PERMISSIONS[k]) for k in kinds)


@login_required
def contact_import(request):
    """Upload and check: a dry run that lists every problem by row, column and message."""
    if not _can_import(request.user):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = ContactImportForm(request.POST, request.FILES)
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            if not _can_import(request.user, kind):
                raise PermissionDenied
            report = import_contacts(kind=kind, dataset=form.dataset, dry_run=True, by=request.user)
            if report.ok:
                # The file waits on disk; the session row holds only its token.
                token = pending_imports.keep(form.content)
                request.session[PENDING_IMPORT] = {
                    "token": token,
                    "kind": kind,
                    "name": form.cleaned_data["file"].name,
                }
                return render(
                    request,
                    "contacts/import_preview.html",
                    {"report": report, "token": token, "file_name": form.cleaned_data["file"].name},
                )
    else:
        form = ContactImportForm(initial={"kind": request.GET.get("kind", PEOPLE)})
    return render(request, "contacts/import.html", {"form": form, "report": report})


@require_POST
@login_required
def contact_import_confirm(request):
    """Write the checked file, all rows or none."""
    if not _can_import(request.user):
        raise PermissionDenied
    pending = request.session.get(PENDING_IMPORT)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(
            request,
            _("That import was already done or has expired; upload the file again."),
        )
        return redirect("contacts:import")
    kind = pending["kind"]
    if not _can_import(request.user, kind):
        raise PermissionDenied
    del request.session[PENDING_IMPORT]  # one confirmation per check, even a failed one
    content = pending_imports.take(pending["token"])
    if content is None:
        messages.error(
            request,
            _("That import was already done or has expired; upload the file again."),
        )
        return redirect("contacts:import")
    try:
        dataset = read_table(content=content, file_name=pending["name"])
    except TableError as problem:
        messages.error(request, problem.message)
        return redirect("contacts:import")
    report = import_contacts(kind=kind, dataset=dataset, dry_run=False, by=request.user)
    if not report.ok:
        # The directory changed since the preview (someone else edited it): nothing was written.
        form = ContactImportForm(initial={"kind": kind})
        return render(request, "contacts/import.html", {"form": form, "report": report})
    messages.success(
        request,
        _("Imported %(file)s: %(new)d added, %(updated)d updated, %(unchanged)d unchanged.")
        % {
            "file": pending["name"],
            "new": report.new,
            "updated": report.updated,
            "unchanged": report.unchanged,
        },
    )
    return redirect("contacts:directory" if kind == PEOPLE else "contacts:organizations")
