from collections.abc import Iterable

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .cities import city_menu, menu_city
from .emails import tidy_text
from .resources import PEOPLE, RESOURCES
from .spreadsheets import MAX_UPLOAD_BYTES, TableError, format_of, read_table

CITY_LENGTH = 100


class CityChoiceField(forms.ChoiceField):
    """A menu of cities, each once, spelled in the active language (contacts.cities.city_menu).

    Accepts any spelling of a city on the menu, in any case, with or without its letters'
    marks ("Baku", "bakı", "BAKÜ", "Shusha", "susa"), and cleans it to the menu's spelling, so
    every spelling gives the same page. A city not on the menu is a clear error, never a 500.
    """

    default_error_messages = {
        "invalid_choice": _("There are no events in “%(value)s”: choose a city from the list."),
    }

    def __init__(self, *, cities: Iterable[str] = (), all_label=None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.all_label = all_label
        self.set_cities(cities)

    def set_cities(self, cities: Iterable[str]) -> None:
        """Offer these cities (as stored, any spelling), in the active language."""
        self.menu = city_menu(cities)
        self.choices = [("", self.all_label or _("All cities")), *self.menu]

    def to_python(self, value) -> str:
        # An unknown city is printed back in the message: without what shows nothing or breaks
        # a line (a NUL, a bidi override, a zero-width space), at most a city name's length.
        text = tidy_text(super().to_python(value))
        text = "".join(char for char in text if char.isprintable())[:CITY_LENGTH]
        if not text:
            return ""
        return menu_city(text, self.menu) or text

    def bound_data(self, data, initial):
        """The menu shows the city asked for in any spelling as selected (a link from the
        Turkish page carries "Bakü"; the Azerbaijani menu's value is "Bakı")."""
        if isinstance(data, str) and data:
            return self.to_python(data)
        return data


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name")}),
    )

    def __init__(self, *args, placeholder=None, **kwargs):
        super().__init__(*args, **kwargs)
        if placeholder:
            self.fields["q"].widget.attrs["placeholder"] = placeholder
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.disable_csrf = True
        self.helper.form_show_labels = False
        self.helper.form_class = "d-flex gap-2 mb-3"
        self.helper.layout = Layout(
            Field("q", wrapper_class="flex-grow-1 mb-0"),
            Submit("", _("Search"), css_class="align-self-start"),
        )

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""


class ContactImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[(key, resource.label) for key, resource in RESOURCES.items()],
        initial=PEOPLE,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in here, in the request's language: `% {…}` on the class would have turned the
        # lazy text into the language active at import (Turkish on every page).
        self.fields["file"].help_text = _(
            "CSV (UTF-8 or Turkish Windows, comma or semicolon) or Excel .xlsx, at most "
            "%(size)d MB. The first row names the columns; an export is a ready template."
        ) % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.layout = Layout(
            Field("kind"), Field("file"), Submit("preview", _("Check the file"))
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if format_of(upload.name) is None:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB; split it into smaller files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        content = upload.read()
        try:
            self.dataset = read_table(content=content, file_name=upload.name)
        except TableError as problem:
            raise forms.ValidationError(problem.message) from problem
        self.content = content
        return upload

    def clean(self):
        cleaned = super().clean()
        dataset = getattr(self, "dataset", None)
        kind = cleaned.get("kind")
        if dataset is not None and kind:
            missing = RESOURCES[kind].missing_columns(dataset.headers)
            if missing:
                self.add_error(
                    "file",
                    _("The first row has no column named %(columns)s.")
                    % {"columns": ", ".join(f"“{column}”" for column in missing)},
                )
        return cleaned
