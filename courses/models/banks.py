"""Question banks: questions a course's quizzes draw from at random, each attempt its own draw.

A bank belongs to one course; its trainers and the program's administrators edit it (a snippet in the
admin, narrowed by courses.viewsets), and the course's lessons draw from it with a "questions drawn from a
bank" block (courses.blocks.QuestionDrawBlock): the pre-test and the final test may draw from the same bank.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..blocks import BankQuestionBlock


def courses_editable_by(user):
    """The ids of the pages `user` may edit, as a subquery (a course's trainers: their courses; administrators:
    every course)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"]).values("pk")


class QuestionBankQuerySet(models.QuerySet):
    def editable_by(self, user):
        """The banks of the courses `user` may edit: whoever may write a course's lessons may write its banks,
        and nobody else sees them (they hold the answers to its tests)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(course_id__in=courses_editable_by(user))


class QuestionBank(models.Model):
    title = models.CharField(_("title"), max_length=255)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="question_banks",
        help_text=_("The course whose lessons may draw from this bank."),
    )
    questions = StreamField([("question", BankQuestionBlock())], verbose_name=_("questions"), blank=True)

    objects = QuestionBankQuerySet.as_manager()

    panels = [FieldPanel("title"), FieldPanel("course"), FieldPanel("questions")]

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def question_blocks(self) -> list:
        return [block for block in self.questions if block.block_type == "question"]

    def topics(self) -> list[str]:
        """The topics of its questions, in the order they first appear ("" for questions without one)."""
        return list(dict.fromkeys(block.value["topic"].strip() for block in self.question_blocks()))
