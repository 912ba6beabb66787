"""StreamField blocks of a lesson, including the quiz: questions written in the lesson, and questions drawn
at random from a question bank (courses.models.banks.QuestionBank) for each attempt."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_with_caption.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, help_text=_("Defaults to the document's title."))

    class Meta:
        icon = "doc-full"
        label = _("Slides or handout")
        template = "blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Warning"))], default="note", label=_("Kind")
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout.html"


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class QuestionBlock(blocks.StructBlock):
    """A single- or multiple-choice question. Its correct answers never reach the browser before submission."""

    SINGLE = "single"
    MULTIPLE = "multiple"

    kind = blocks.ChoiceBlock(
        choices=[(SINGLE, _("Single choice")), (MULTIPLE, _("Multiple choice"))],
        default=SINGLE,
        label=_("Question type"),
    )
    prompt = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Answers"))
    points = blocks.IntegerBlock(label=_("Points"), min_value=1, max_value=100, default=1)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False, help_text=_("Shown after answering."))

    class Meta:
        icon = "help"
        label = _("Question")
        template = "blocks/question.html"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if value["kind"] == self.SINGLE and correct != 1:
            message = _("A single-choice question needs exactly one correct answer (%(count)s marked).")
            raise StructBlockValidationError({"options": ValidationError(message % {"count": correct})})
        if value["kind"] == self.MULTIPLE and correct < 1:
            raise StructBlockValidationError({"options": ValidationError(_("Mark at least one correct answer."))})
        return value


class BankQuestionBlock(QuestionBlock):
    """A question of a bank: a lesson's question with a topic, by which a quiz may draw."""

    topic = blocks.CharBlock(
        label=_("Topic"),
        required=False,
        max_length=100,
        help_text=_("A quiz can draw a number of questions from each topic."),
    )

    class Meta:
        icon = "help"
        label = _("Question")


class QuestionDrawBlock(blocks.StructBlock):
    """Draw N questions from bank X (of topic T, or N from each topic): each attempt draws its own."""

    bank = SnippetChooserBlock("courses.QuestionBank", label=_("Question bank"))
    count = blocks.IntegerBlock(label=_("Number of questions"), min_value=1, max_value=100, default=5)
    topic = blocks.CharBlock(
        label=_("Topic"), required=False, max_length=100, help_text=_("Only questions of this topic; empty: any.")
    )
    per_topic = blocks.BooleanBlock(
        label=_("This many from each topic"),
        required=False,
        help_text=_("Draw the number above from every topic of the bank, instead of from the whole bank."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Questions drawn from a bank")
        template = "blocks/question_draw.html"


# The blocks of a lesson body that put questions in its quiz.
QUIZ_BLOCKS = ("question", "question_draw")


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock()
    video = EmbedBlock(label=_("Video"), help_text=_("A YouTube or Vimeo address."), template="blocks/video.html")
    document = DocumentBlock()
    callout = CalloutBlock()
    question = QuestionBlock()
    question_draw = QuestionDrawBlock()
