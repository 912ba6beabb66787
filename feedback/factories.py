import factory
from factory.django import DjangoModelFactory

from .models import SurveyQuestion, SurveyTemplate


class SurveyTemplateFactory(DjangoModelFactory):
    """A short template: an organisation rating, a choice, the overall rating and a comment."""

    class Meta:
        model = SurveyTemplate
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Phiếu khảo sát thử {n}")
    anonymous = True

    @factory.post_generation
    def questions(template, create, extracted, **kwargs):
        if not create:
            return
        rows = extracted if extracted is not None else [
            dict(group="organisation", kind="scale", text="Công tác tổ chức lớp học"),
            dict(group="content", kind="single", text="Thời lượng của lớp học", options="Quá ngắn\nVừa đủ\nQuá dài"),
            dict(group="usefulness", kind="multiple", text="Nội dung sẽ áp dụng", required=False,
                 options="Hồ sơ sản phẩm\nNhãn hàng hóa\nTiếp thị"),
            dict(group="overall", kind="scale", text="Mức độ hài lòng chung", is_overall=True),
            dict(group="overall", kind="text", text="Đề xuất của anh/chị", required=False),
        ]  # fmt: skip
        for order, row in enumerate(rows):
            SurveyQuestion.objects.create(template=template, sort_order=order, **row)
