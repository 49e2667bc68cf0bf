"""The head of delegation's form: the head, then the members as rows or as a CSV file."""

import csv
import io

from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.enums import Language

from ..public.forms import CountryChoiceField
from .services import MAX_MEMBERS, MemberData

CSV_COLUMNS = ("full_name", "email", "role", "language")
MEMBER_ROWS = 12


class DelegationForm(forms.Form):
    name = forms.CharField(label=_("Delegation"), max_length=200, required=False)
    head_name = forms.CharField(label=_("Head of delegation"), max_length=200)
    head_email = forms.EmailField(label=_("Head's email"))
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


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    role = forms.CharField(label=_("Role"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("full_name")) != bool(data.get("email")):
            raise forms.ValidationError(_("Give both the name and the email, or neither."))
        return data


MemberFormSet = forms.formset_factory(MemberForm, extra=MEMBER_ROWS, max_num=MAX_MEMBERS)


def members_from_rows(formset) -> list[MemberData]:
    return [
        MemberData(
            f.cleaned_data["full_name"],
            f.cleaned_data["email"],
            f.cleaned_data.get("role", ""),
            f.cleaned_data.get("language") or "tr",
        )
        for f in formset.forms
        if f.cleaned_data.get("full_name")
    ]


def members_from_csv(upload) -> list[MemberData]:
    """Raises forms.ValidationError naming the first bad line; reads at most MAX_MEMBERS."""
    try:
        text = upload.read(200_000).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(_("The file is not UTF-8 text.")) from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"full_name", "email"} <= set(reader.fieldnames):
        raise forms.ValidationError(_("The first line must name the columns full_name and email."))
    members = []
    email_field = forms.EmailField()
    for line, row in enumerate(reader, start=2):
        name, email = (row.get("full_name") or "").strip(), (row.get("email") or "").strip()
        language = (row.get("language") or "tr").strip().lower()
        try:
            email_field.clean(email)
        except forms.ValidationError as exc:
            raise forms.ValidationError(
                _("Line %(line)s: “%(email)s” is not an email address.")
                % {"line": line, "email": email}
            ) from exc
        if not name or language not in Language.values:
            raise forms.ValidationError(
                _("Line %(line)s: a name is missing or the language is not tr, az or en.")
                % {"line": line}
            )
        members.append(MemberData(name, email, (row.get("role") or "").strip(), language))
        if len(members) > MAX_MEMBERS:
            break
    return members
