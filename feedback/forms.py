"""The survey as a form (the learner's page, the paper forms typed in), the choice of an offering's survey,
and the template editor's checks."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from lms.forms import choices_by_own_id
from lms.params import parse_id

from .models import SCALE, SurveyQuestion, SurveyTemplate
from .services import MAX_TEXT


def _scale_choices(question):
    low = question.low_label or _("Very dissatisfied")
    high = question.high_label or _("Very satisfied")
    return [(str(n), f"{n} – {low}" if n == 1 else f"{n} – {high}" if n == 5 else str(n)) for n in SCALE]


class SurveyForm(forms.Form):
    """One field per question, `q-<id>`; `answers()` gives them as the services take them. Choices are read
    as the page offered them ("1" to "5", an option's place): anything else is the field's error."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q-{question.pk}"] = self._field(question)

    @staticmethod
    def _field(question):
        messages = {"required": _("Please answer this question."), "invalid_choice": _("Choose one of the answers.")}
        common = {"label": question.text, "required": question.required, "error_messages": messages}
        if question.kind == SurveyQuestion.Kind.SCALE:
            return forms.ChoiceField(choices=_scale_choices(question), widget=forms.RadioSelect, **common)
        options = [(str(index), text) for index, text in enumerate(question.option_list)]
        if question.kind == SurveyQuestion.Kind.SINGLE:
            return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
        if question.kind == SurveyQuestion.Kind.MULTIPLE:
            return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_TEXT, **common)

    def grouped(self) -> list[tuple[str, list]]:
        """(group label, bound fields) in the order of the questions, a new heading when the group changes."""
        groups = []
        for question in self.questions:
            label = question.get_group_display()
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append((question, self[f"q-{question.pk}"]))
        return groups

    def answers(self) -> dict:
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q-{question.pk}")
            if value in (None, "", []):
                continue
            if question.kind == SurveyQuestion.Kind.MULTIPLE:
                result[question.pk] = [int(item) for item in value]
            elif question.kind == SurveyQuestion.Kind.TEXT:
                result[question.pk] = value
            else:
                result[question.pk] = int(value)
        return result


class PaperForm(SurveyForm):
    """A paper form typed in: its answers, and optionally who handed it in (of those who have not answered)."""

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False  # typed in as it was filled in: a question left blank stays blank
        self.fields["handed_in_by"] = forms.ModelChoiceField(
            queryset=pending, required=False, label=gettext_lazy("Handed in by (optional)"),
            empty_label=gettext_lazy("Not recorded"),
            help_text=gettext_lazy(
                "Record who handed the form in when the certificate asks for the survey, or to spare them the "
                "reminders. For an anonymous survey the answers are not linked to them."
            ),
        )  # fmt: skip
        self.fields["handed_in_by"].label_from_instance = lambda enrollment: enrollment.participant.full_name
        choices_by_own_id(self)


class OfferingSurveyForm(forms.Form):
    """Which survey an offering uses: its kind's default, another template, or none."""

    DEFAULT, NONE = "default", "none"

    survey = forms.ChoiceField(label=gettext_lazy("Survey"))

    def __init__(self, *args, offering, **kwargs):
        super().__init__(*args, **kwargs)
        self.templates = {template.pk: template for template in SurveyTemplate.objects.order_by("name")}
        default = next((t for t in self.templates.values() if t.default_for == offering.kind), None)
        default_label = _("The default for its kind: %(name)s") % {"name": default} if default else _(
            "The default for its kind (none set: no survey)"
        )  # fmt: skip
        self.fields["survey"].choices = [
            (self.DEFAULT, default_label),
            *((str(pk), template.name) for pk, template in self.templates.items()),
            (self.NONE, _("No survey")),
        ]

    def clean_survey(self):
        value = self.cleaned_data["survey"]
        if value in (self.DEFAULT, self.NONE):
            return value
        pk = parse_id(value)
        if pk not in self.templates:
            raise forms.ValidationError(_("Choose one of the templates listed."))
        return self.templates[pk]


class SurveyTemplateForm(WagtailAdminModelForm):
    """The template editor: one overall question at most, and answers already in keep their questions (not
    removed, not of another kind, no option taken away); a new template, or a copy, changes freely."""

    def is_valid(self):
        # The questions' formset is cleaned after the form (modelcluster's ClusterForm): read it then.
        valid = super().is_valid()
        if valid and "questions" in self.formsets:
            self._check_questions(self.formsets["questions"])
            return not self.errors and not any(form.errors for form in self.formsets["questions"].forms)
        return valid

    def _check_questions(self, formset):
        kept = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if sum(1 for form in kept if form.cleaned_data.get("is_overall")) > 1:
            self.add_error(None, _("Only one question can be the overall satisfaction question."))
        answered = SurveyQuestion.objects.filter(template_id=self.instance.pk, answers__isnull=False).distinct()
        before_edit = answered.in_bulk() if self.instance.pk else {}
        for form in formset.forms:
            before = before_edit.get(form.instance.pk)
            if before is None or not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE"):
                self.add_error(None, _("“%(question)s” has answers: it cannot be removed. Copy the template to start "
                                       "a new one.") % {"question": before.text})  # fmt: skip
            elif form.cleaned_data.get("kind") != before.kind:
                form.add_error("kind", _("This question has answers: its kind cannot change."))
            elif len(SurveyQuestion(options=form.cleaned_data.get("options", "")).option_list) < len(
                before.option_list
            ):
                form.add_error("options", _("This question has answers: options can be added, not removed."))
