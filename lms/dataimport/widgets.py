"""Cell values read strictly for import-export's resources: each widget takes the cell's text (as
lms.dataimport.reading leaves it) and returns the value, or raises ValueError with a message for people
that the resource reports under the cell's column.

A widget that needs to know for whom it reads (their units, their lookups) has `bind(resource)`,
called by CheckedResource when the resource is made.
"""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import widgets

from lms.params import EARLIEST_DATE, LATEST_DATE, parse_int
from lms.text import clean_text

from .reading import header_key


class TextWidget(widgets.Widget):
    """Text, NFC and on one line; longer than `max_length` is refused (not cut)."""

    def __init__(self, max_length: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                _("at most %(limit)s characters (this has %(length)s)")
                % {"limit": self.max_length, "length": len(text)}
            )
        return text


class WholeNumberWidget(widgets.Widget):
    """A whole number written in digits 0-9, within [minimum, maximum]; empty is None when `blank`."""

    def __init__(self, minimum: int, maximum: int, *, blank: bool = False, example=None, **kwargs):
        super().__init__(**kwargs)
        self.minimum, self.maximum, self.blank, self.example = minimum, maximum, blank, example

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if not text:
            if self.blank:
                return None
            raise ValueError(_("empty: write a whole number"))
        number = parse_int(text.replace(" ", ""), minimum=self.minimum, maximum=self.maximum)
        if number is None:
            raise ValueError(
                _("“%(value)s” is not a whole number from %(minimum)s to %(maximum)s")
                % {"value": text[:40], "minimum": self.minimum, "maximum": self.maximum}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def parse_day(text: str) -> datetime.date:
    """dd/mm/yyyy (also d/m/yyyy, with "-" or "." between) or yyyy-mm-dd, from 01/01/2000 to 31/12/2099.
    Raises ValueError with a message for people."""
    text = clean_text(text)
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(
            _("“%(value)s” is not a date: write it as dd/mm/yyyy, for example 05/03/2026") % {"value": text[:40]}
        )
    try:
        day = datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a date of the calendar") % {"value": text}) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            _("%(value)s is out of bounds: the date must be from 01/01/2000 to 31/12/2099")
            % {"value": day.strftime("%d/%m/%Y")}
        )
    return day


class DayWidget(widgets.Widget):
    """A date as dd/mm/yyyy (see parse_day); required unless `blank`."""

    def __init__(self, *, blank: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.blank = blank

    def clean(self, value, row=None, **kwargs):
        if not clean_text(value):
            if self.blank:
                return None
            raise ValueError(_("empty: write the date as dd/mm/yyyy"))
        return parse_day(value)

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d/%m/%Y") if value else ""


class LabelChoiceWidget(widgets.Widget):
    """One of a model's choices, written as any of its names: `labels` maps each stored value to the
    names it goes by, the first being the one exports write (compared like headers: no case, diacritics
    or punctuation)."""

    def __init__(self, labels: dict[str, tuple[str, ...]], *, blank: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.labels, self.blank = labels, blank
        self.by_key = {header_key(name): value for value, names in labels.items() for name in (value, *names)}

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if not text:
            if self.blank:
                return ""
            raise ValueError(_("empty: write %(choices)s") % {"choices": self.choices_text()})
        if (choice := self.by_key.get(header_key(text))) is None:
            raise ValueError(
                _("“%(value)s” is not recognised: write %(choices)s")
                % {"value": text[:60], "choices": self.choices_text()}
            )
        return choice

    def choices_text(self) -> str:
        names = [f"“{names[0]}”" for names in self.labels.values()]
        return _("%(some)s or %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}

    def render(self, value, obj=None, **kwargs):
        return self.labels[value][0] if value in self.labels else ""
