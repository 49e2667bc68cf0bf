"""CSV/Excel import and export of the directory (django-import-export resources).

People: one row per role, so a person with two roles appears on two rows with the same id;
a person without a role has one row with empty role columns. On import a row is matched to an
existing person by `id`, else by email, else by name ignoring case and Turkish/Azerbaijani
letters ("ISMAYILOV" is "İsmayilov"); unmatched rows add a person. A named organization that does
not exist yet is added. Organizations: matched by `id`, else by name (the same way).

Column names are stable English identifiers (not translated), so that a file exported in one
interface language imports in another. Texts stored per language (contacts/translation.py) have
a column per language: `role` is the Turkish title, `role_az` and `role_en` its Azerbaijani and
English (empty: they read the Turkish); likewise an organization's `name`, `name_az`, `name_en`,
and the notes of both (`notes`, `notes_az`, `notes_en`). A text in Azerbaijani or English
without its Turkish is refused, as the pages would have nothing to fall back to.
"""

from datetime import date, datetime

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from import_export import resources, widgets
from import_export.fields import Field

from anniversary.languages import requested_language

from .content import missing_turkish
from .emails import normalize_email_leniently
from .enums import Language, OrganizationKind
from .models import Affiliation, Organization, Person
from .selectors import affiliations_newest_first
from .text import search_key

PEOPLE = "people"
ORGANIZATIONS = "organizations"


class ChoiceWidget(widgets.Widget):
    """A choice by its code ("az") or its label in any of our languages ("Azerbaijani")."""

    def __init__(self, choices, *, default=""):
        super().__init__()
        self.choices = choices
        self.default = default

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return self.default
        key = search_key(text)
        for code, label in self.choices.choices:
            if key == search_key(code) or key in _label_keys(label):
                return code
        raise ValueError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(self.choices.values)}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class LanguageWidget(ChoiceWidget):
    """A language by its code, its label, or a tag as people write it ("az-AZ", "EN", "en_GB"),
    read as a typed ?lang= is (anniversary.languages.requested_language)."""

    def __init__(self, *, default=Language.TURKISH):
        super().__init__(Language, default=default)

    def clean(self, value, row=None, **kwargs):
        tag = requested_language(str(value or "").strip())
        if tag in Language.values:
            return tag
        return super().clean(value, row=row, **kwargs)


def _label_keys(label) -> set[str]:
    """The search keys of a choice's label in each interface language."""
    keys = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            keys.add(search_key(str(label)))
    return keys


class CountryWidget(widgets.Widget):
    """A country by ISO code ("AZ", "AZE") or by name in English or Turkish ("Azerbaycan")."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return ""
        code = countries.alpha2(text) if len(text) <= 3 else ""
        for language in ("en", "tr", "az"):
            if code:
                break
            code = countries.by_name(text, language=language)
        if not code:
            raise ValueError(
                _("“%(value)s” is not a country; use a two-letter code such as TR or AZ.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


class DayWidget(widgets.Widget):
    """A date as 2026-11-22 (what we export) or 22.11.2026 (how Turkish Excel shows it)."""

    FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(_("“%(value)s” is not a date; write it as 2026-11-22.") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


def _text(row, column) -> str:
    return str(row.get(column) or "").strip()


def _find_organization(name: str) -> Organization | None:
    """The organization with this name in any language (Organization.objects.named)."""
    return Organization.objects.named(name)


# The notes of a person or an organization: `notes` is the Turkish one, whatever the page's
# language (contacts/translation.py).
NOTE_COLUMNS = ("notes_tr", "notes_az", "notes_en")
# What an import says of a text in Azerbaijani or English without its Turkish, by the column
# of the Turkish (`notes`, `short_name`: contacts/translation.py missing_turkish()).
MISSING_TURKISH = {
    "notes": gettext_lazy("Give the note's Turkish text too."),
    "short_name": gettext_lazy("Give the short name's Turkish text too."),
}
MISSING_TEXT = gettext_lazy("Give the Turkish text too: the other languages fall back to it.")


class ContactResource(resources.ModelResource):
    """What both directory resources share: matching by id, notes per row, a column check."""

    label = ""
    required_columns: tuple[str, ...] = ()

    class Meta:
        # Inherited by each resource's own Meta (import-export merges the bases' options).
        # All or nothing: one bad row rolls the whole file back.
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        store_row_values = True
        # Model validation (blank names, bad emails, unique names) reported per row and field.
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.notes: dict[int, list[str]] = {}

    @classmethod
    def missing_columns(cls, headers) -> list[str]:
        return [column for column in cls.required_columns if column not in headers]

    @classmethod
    def known_columns(cls) -> list[str]:
        return list(cls.COLUMNS)

    def import_instance(self, instance, row, **kwargs):
        stored = {column: getattr(instance, column) for column in NOTE_COLUMNS}
        super().import_instance(instance, row, **kwargs)
        # An empty cell over an empty note is no change (NULL and "" both mean none).
        for column, value in stored.items():
            if not getattr(instance, column) and not value:
                setattr(instance, column, value)
        # A text in Azerbaijani or English needs its Turkish (the model's rule, from the row or
        # already stored), named by the column that holds the Turkish.
        missing = missing_turkish(instance)
        if missing:
            raise ValidationError(
                {field: [MISSING_TURKISH.get(field, MISSING_TEXT)] for field in missing}
            )

    def note(self, row_number: int | None, text: str) -> None:
        if row_number is not None:
            self.notes.setdefault(row_number, []).append(text)

    def _by_id(self, row):
        raw = _text(row, "id")
        if not raw:
            return None
        try:
            pk = int(float(raw))
        except ValueError:
            raise ValidationError({"id": _("“%(value)s” is not an id.") % {"value": raw}}) from None
        instance = self._meta.model.objects.filter(pk=pk).first()
        if instance is None:
            raise ValidationError(
                {
                    "id": _(
                        "There is no %(model)s with id %(id)d; leave the id empty to add a new one."
                    )
                    % {"model": self._meta.model._meta.verbose_name, "id": pk}
                }
            )
        return instance


class PersonResource(ContactResource):
    label = gettext_lazy("People with their organizations and roles")
    required_columns = ("full_name",)
    COLUMNS = (
        "id",
        "full_name",
        "honorific",
        "email",
        "phone",
        "preferred_language",
        "country",
        "city",
        "organization",
        "role",
        "role_az",
        "role_en",
        "role_from",
        "role_until",
        "notes",
        "notes_az",
        "notes_en",
    )
    ROLE_COLUMNS = ("organization", "role", "role_az", "role_en", "role_from", "role_until")
    # The role title's other languages, beside the Turkish `role` column.
    ROLE_TRANSLATIONS = ("role_az", "role_en")

    id = Field(attribute="id", column_name="id", readonly=True, widget=widgets.IntegerWidget())
    preferred_language = Field(
        attribute="preferred_language",
        column_name="preferred_language",
        widget=LanguageWidget(),
    )
    country = Field(attribute="country", column_name="country", widget=CountryWidget())
    # The Turkish note, whatever language the page of the import or export is in.
    notes = Field(attribute="notes_tr", column_name="notes")

    class Meta:
        model = Person
        fields = (
            "id",
            "full_name",
            "honorific",
            "email",
            "phone",
            "preferred_language",
            "country",
            "city",
            "notes",
            "notes_az",
            "notes_en",
        )
        import_id_fields = ("full_name",)

    def get_instance(self, instance_loader, row):
        person = self._by_id(row)
        if person is not None:
            return person
        email = _text(row, "email")
        if email:
            # Addresses are stored normalised; "İlknur@Example.com" is ilknur@example.com.
            stored = normalize_email_leniently(email)
            return Person.objects.filter(email=stored).order_by("pk").first()
        name = _text(row, "full_name")
        if name:
            return Person.objects.filter(search_name=search_key(name)).order_by("pk").first()
        return None

    def _role(self, row) -> dict | None:
        """The role columns of a row, checked; None when the row names no role."""
        errors = {}
        organization, role = _text(row, "organization"), _text(row, "role")
        dates = {}
        for column in ("role_from", "role_until"):
            try:
                dates[column] = DayWidget().clean(row.get(column))
            except ValueError as problem:
                errors[column] = [str(problem)]
        if organization and not role:
            errors["role"] = [_("Give the role held in “%(name)s”.") % {"name": organization}]
        if role and not organization:
            errors["organization"] = [_("Name the organization this role is held in.")]
        if len(organization) > Organization._meta.get_field("name").max_length:
            errors["organization"] = [_("The organization's name is too long.")]
        limit = Affiliation._meta.get_field("role").max_length
        if len(role) > limit:
            errors["role"] = [_("The role is too long.")]
        others = {column: _text(row, column) for column in self.ROLE_TRANSLATIONS}
        for column, text in others.items():
            if len(text) > limit:
                errors[column] = [_("The role is too long.")]
            elif text and not role:
                errors["role"] = [_("Give the role's Turkish title too.")]
        start, end = dates.get("role_from"), dates.get("role_until")
        if start and end and end < start:
            errors["role_until"] = [_("The role ends before it starts.")]
        if errors:
            raise ValidationError(errors)
        if not (organization or role):
            return None
        return {
            "organization": organization,
            "role": role,
            "start": start,
            "end": end,
            "translations": others,
        }

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as problem:
            errors = problem.update_error_dict(errors)
        try:
            instance._import_role = self._role(row)
        except ValidationError as problem:
            errors = problem.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        role = getattr(instance, "_import_role", None)
        if role and not self._role_exists(instance, role):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    @staticmethod
    def _role_exists(person, role) -> bool:
        if person.pk is None:
            return False
        organization = _find_organization(role["organization"])
        if organization is None:
            return False
        affiliation = Affiliation.objects.filter(
            person=person,
            organization=organization,
            role_tr=role["role"],
            start=role["start"],
            end=role["end"],
        ).first()
        # A role title given in another language that the row does not hold yet is a change.
        return affiliation is not None and all(
            not text or getattr(affiliation, column) == text
            for column, text in role["translations"].items()
        )

    def after_save_instance(self, instance, row, **kwargs):
        role = getattr(instance, "_import_role", None)
        if not role:
            return
        organization = _find_organization(role["organization"])
        if organization is None:
            organization = Organization.objects.create(name=role["organization"])
            self.note(
                kwargs.get("row_number"),
                _("adds the organization “%(name)s”") % {"name": organization.name},
            )
        # Given translations are written; an empty column leaves what the role already has.
        given = {column: text for column, text in role["translations"].items() if text}
        affiliation, created = Affiliation.objects.get_or_create(
            person=instance,
            organization=organization,
            role_tr=role["role"],
            start=role["start"],
            defaults={"end": role["end"], **given},
        )
        changed = {"end": role["end"], **given}
        if not created and any(getattr(affiliation, k) != v for k, v in changed.items()):
            for column, value in changed.items():
                setattr(affiliation, column, value)
            affiliation.save(update_fields=list(changed))

    def export_table(self, queryset) -> tablib.Dataset:
        """One row per role (or one row for a person without a role)."""
        dataset = tablib.Dataset(headers=list(self.COLUMNS))
        people = queryset.prefetch_related(
            Prefetch("affiliations", queryset=affiliations_newest_first())
        )
        for person in people:
            values = {name: self.fields[name].export(person) for name in self._meta.fields}
            for affiliation in person.affiliations.all() or [None]:
                values.update(_role_values(affiliation))
                dataset.append([values[column] for column in self.COLUMNS])
        return dataset


def _role_values(affiliation: Affiliation | None) -> dict[str, str]:
    if affiliation is None:
        return dict.fromkeys(PersonResource.ROLE_COLUMNS, "")
    return {
        "organization": affiliation.organization.name,
        "role": affiliation.role_tr,
        "role_az": affiliation.role_az or "",
        "role_en": affiliation.role_en or "",
        "role_from": affiliation.start.isoformat() if affiliation.start else "",
        "role_until": affiliation.end.isoformat() if affiliation.end else "",
    }


class OrganizationResource(ContactResource):
    label = gettext_lazy("Organizations")
    required_columns = ("name",)
    # "name" is the registered (Turkish) name; name_az and name_en where it differs by language.
    # The short name likewise: "short_name" the Turkish one, short_name_az and short_name_en.
    COLUMNS = (
        "id",
        "name",
        "name_az",
        "name_en",
        "short_name",
        "short_name_az",
        "short_name_en",
        "kind",
        "country",
        "city",
        "website",
        "notes",
        "notes_az",
        "notes_en",
    )

    id = Field(attribute="id", column_name="id", readonly=True, widget=widgets.IntegerWidget())
    # The registered (Turkish) name, whatever language the page of the import or export is in.
    name = Field(attribute="name_tr", column_name="name")
    short_name = Field(attribute="short_name_tr", column_name="short_name")
    kind = Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(OrganizationKind, default=OrganizationKind.OTHER),
    )
    country = Field(attribute="country", column_name="country", widget=CountryWidget())
    notes = Field(attribute="notes_tr", column_name="notes")

    class Meta:
        model = Organization
        fields = (
            "id",
            "name",
            "name_az",
            "name_en",
            "short_name",
            "short_name_az",
            "short_name_en",
            "kind",
            "country",
            "city",
            "website",
            "notes",
            "notes_az",
            "notes_en",
        )
        import_id_fields = ("name",)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # A name not given in a language is NULL (the names are unique, "" would clash).
        for column in ("name_az", "name_en"):
            setattr(instance, column, getattr(instance, column) or None)

    def get_instance(self, instance_loader, row):
        organization = self._by_id(row)
        if organization is not None:
            return organization
        name = _text(row, "name")
        return _find_organization(name) if name else None

    def export_table(self, queryset) -> tablib.Dataset:
        dataset = tablib.Dataset(headers=list(self.COLUMNS))
        for organization in queryset:
            dataset.append([self.fields[column].export(organization) for column in self.COLUMNS])
        return dataset


RESOURCES: dict[str, type[ContactResource]] = {
    PEOPLE: PersonResource,
    ORGANIZATIONS: OrganizationResource,
}
