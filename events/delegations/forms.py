"""The head of delegation's form: the head, then the members as rows or as a CSV file.

Every name, organization and role goes through contacts.emails.clean_text(), the rule of
every other path into the directory: NFC, bidi controls removed, control characters and
invisible-only text refused with a message that names the row or the CSV line.
"""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from anniversary.languages import requested_language
from contacts.countries import CountryChoiceField
from contacts.emails import NormalizedEmailFormField, clean_text
from contacts.enums import Language

from .services import MAX_MEMBERS, MemberData

CSV_COLUMNS = ("full_name", "email", "role", "language")
MEMBER_ROWS = 12
# What a members file may hold: the bytes read, and columns per line (four are used).
MAX_CSV_BYTES = 200_000
MAX_CSV_COLUMNS = 20


class TextField(forms.CharField):
    """A one-line field people type, cleaned by clean_text() before any other check (so a
    NUL gets the same message as any other control character)."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value, required=True) if value else value


class DelegationForm(forms.Form):
    name = TextField(label=_("Delegation"), max_length=200, required=False)
    head_name = TextField(label=_("Head of delegation"), max_length=200)
    head_email = NormalizedEmailFormField(label=_("Head's email"))
    head_language = forms.ChoiceField(label=_("Head's language"), choices=Language.choices)
    country = CountryChoiceField(label=_("Country"))
    members_csv = forms.FileField(
        label=_("Members as a CSV file (optional)"),
        required=False,
        help_text=_("Columns: full_name, email, role, language (tr, az or en). Replaces the rows."),
    )
    consent = forms.BooleanField(
        label=_("I have the members' consent to register them, and accept the privacy notice.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page's language: a head who opened the /az/ page reads Azerbaijani.
        self.fields["head_language"].initial = Language.of_page()

    def clean_members_csv(self):
        """The members read from the file (a list), or None when no file was sent. A line
        without a language takes the head's."""
        upload = self.cleaned_data.get("members_csv")
        default = self.cleaned_data.get("head_language") or Language.of_page()
        return members_from_csv(upload, default_language=default) if upload else None


class MemberForm(forms.Form):
    full_name = TextField(label=_("Full name"), max_length=200, required=False)
    email = NormalizedEmailFormField(label=_("Email"), required=False)
    role = TextField(label=_("Role"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = Language.of_page()
        # Drawn by hand in a grid (one line a member on a desk, stacked on a phone).
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "language" else "form-control"

    def clean(self):
        data = super().clean()
        if bool(data.get("full_name")) != bool(data.get("email")):
            raise forms.ValidationError(_("Give both the name and the email, or neither."))
        return data

    def full_clean(self):
        super().full_clean()
        # A row's own message says which row it is: the head may have filled twelve.
        row = int(self.prefix.rsplit("-", 1)[-1]) + 1 if self.prefix else 1
        for field in ("full_name", "role"):
            if field in (self._errors or {}):
                self._errors[field] = self.error_class(
                    [
                        _("Row %(row)s: %(problem)s") % {"row": row, "problem": problem}
                        for problem in self._errors[field]
                    ]
                )


MemberFormSet = forms.formset_factory(MemberForm, extra=MEMBER_ROWS, max_num=MAX_MEMBERS)


def members_from_rows(formset, *, default_language: str) -> list[MemberData]:
    """The filled rows as members; a row without a language takes `default_language` (the
    head's)."""
    return [
        MemberData(
            f.cleaned_data["full_name"],
            f.cleaned_data["email"],
            f.cleaned_data.get("role", ""),
            f.cleaned_data.get("language") or default_language,
        )
        for f in formset.forms
        if f.cleaned_data.get("full_name")
    ]


def _line_problem(line: int, problem) -> ValidationError:
    return ValidationError(_("Line %(line)s: %(problem)s") % {"line": line, "problem": problem})


def _csv_lines(upload):
    """(line number, cells) of the file; every way a file can be unreadable is a
    ValidationError for the field: not UTF-8, a broken quote, a field over csv's limit,
    too many columns or too many lines."""
    try:
        text = upload.read(MAX_CSV_BYTES).decode("utf-8-sig")
    except UnicodeError as exc:
        raise ValidationError(_("The file is not UTF-8 text.")) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for line, cells in enumerate(reader, start=1):
            if len(cells) > MAX_CSV_COLUMNS:
                raise _line_problem(
                    line,
                    _("more than %(count)s columns.") % {"count": MAX_CSV_COLUMNS},
                )
            if line > MAX_MEMBERS + 1:
                raise ValidationError(
                    _("A delegation can list at most %(count)s members.") % {"count": MAX_MEMBERS}
                )
            yield line, cells
    except csv.Error as exc:
        raise _line_problem(
            line + 1, _("this line cannot be read as CSV (%(problem)s).") % {"problem": exc}
        ) from exc


def _line_text(line: int, value: str, *, required: bool) -> str:
    try:
        return clean_text(value, required=required)
    except ValidationError as exc:
        raise _line_problem(line, exc.messages[0]) from exc


def members_from_csv(upload, *, default_language: str = Language.TURKISH) -> list[MemberData]:
    """Raises forms.ValidationError naming the first bad line; reads at most MAX_MEMBERS. A
    line with no language takes `default_language`."""
    lines = _csv_lines(upload)
    _first, header = next(lines, (1, []))
    columns = [cell.strip().lower() for cell in header]
    if not {"full_name", "email"} <= set(columns):
        raise forms.ValidationError(_("The first line must name the columns full_name and email."))
    members = []
    email_field = NormalizedEmailFormField()
    for line, cells in lines:
        row = dict(zip(columns, cells, strict=False))
        if not any(cell.strip() for cell in cells):
            continue
        if not (row.get("full_name") or "").strip():
            raise forms.ValidationError(_("Line %(line)s: the name is missing.") % {"line": line})
        name = _line_text(line, row["full_name"], required=True)
        email = (row.get("email") or "").strip()
        typed_language = (row.get("language") or "").strip()
        # As the feed reads ?lang=: "AZ", "az-AZ", "en_GB" are az and en.
        language = requested_language(typed_language) if typed_language else default_language
        try:
            email = email_field.clean(email)
        except forms.ValidationError as exc:
            raise forms.ValidationError(
                _("Line %(line)s: “%(email)s” is not an email address.")
                % {"line": line, "email": email}
            ) from exc
        if language not in Language.values:
            raise forms.ValidationError(
                _("Line %(line)s: “%(language)s” is not one of our languages: write tr, az or en.")
                % {"line": line, "language": typed_language[:20]}
            )
        # A role typed as invisible text is refused, as in the rows, not silently dropped.
        role = row.get("role") or ""
        role = _line_text(line, role, required=True) if role.strip() else ""
        members.append(MemberData(name, email, role, language))
    return members
