"""Organizations and their OCOP products, out to Excel and back in.

An export is in the layout the import reads, so an export imported again changes nothing.
Organizations match on their registration or tax code when the row has one, else on their name
within their unit; products match on (organization, name, year ranked), names compared without case or
diacritics. An organizer reaches only the organizations of their units (and so only their products).
"""

import re

import tablib
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field

from lms.dataimport.reading import Column
from lms.dataimport.resources import CheckedResource
from lms.dataimport.widgets import LabelChoiceWidget, TextWidget, WholeNumberWidget
from lms.text import clean_text, fold

from .. import scope
from ..models import OcopProduct, Organization
from .units import UnitLookup, UnitWidget

ORG_NAME, ORG_KIND, TAX_CODE, ORG_UNIT = "Tên tổ chức", "Loại hình", "Mã số thuế", "Đơn vị"
PRODUCT, OWNER, OWNER_TAX_CODE, STARS, YEAR, CATEGORY = (
    "Tên sản phẩm", "Chủ thể", "Mã số thuế chủ thể", "Số sao", "Năm xếp hạng", "Nhóm sản phẩm",
)  # fmt: skip

KIND_LABELS = {
    Organization.Kind.COOPERATIVE: ("Hợp tác xã", "HTX", "Cooperative", "Cooperative (HTX)"),
    Organization.Kind.ENTERPRISE: ("Doanh nghiệp", "Công ty", "DN", "Enterprise"),
    Organization.Kind.HOUSEHOLD: ("Hộ kinh doanh", "Hộ sản xuất", "Hộ sản xuất kinh doanh", "Household business"),
    Organization.Kind.FARM: ("Trang trại", "Farm"),
    Organization.Kind.AGENCY: ("Cơ quan nhà nước", "Cơ quan", "Government agency"),
    Organization.Kind.OTHER: ("Khác", "Other"),
}
CATEGORY_LABELS = {
    OcopProduct.Category.FOOD: ("Thực phẩm", "Food"),
    OcopProduct.Category.BEVERAGES: ("Đồ uống", "Beverages", "Drinks"),
    OcopProduct.Category.HERBAL: ("Thảo dược", "Dược liệu", "Herbal products"),
    OcopProduct.Category.TEXTILES: ("Vải và may mặc", "Vải, may mặc", "May mặc", "Textiles and garments"),
    OcopProduct.Category.CRAFTS: ("Lưu niệm – nội thất – trang trí", "Lưu niệm, nội thất, trang trí",
                                  "Thủ công mỹ nghệ", "Souvenirs, furniture and decoration"),
    OcopProduct.Category.TOURISM: ("Dịch vụ du lịch cộng đồng và điểm du lịch", "Dịch vụ du lịch cộng đồng",
                                   "Du lịch cộng đồng", "Community tourism services and tourist sites"),
}  # fmt: skip
_TAX_CODE = re.compile(r"([0-9]{9,12})(?:-([0-9]{3}))?")


def tax_code_clean(value) -> str:
    """A registration or tax code: 10 digits (13 with a branch's "-001"), or a household's 12-digit ID
    number; one that Excel stored as a number and so lost its leading zero is given it back."""
    text = clean_text(value).replace(" ", "").replace(".", "")
    if not text:
        return ""
    match = _TAX_CODE.fullmatch(text)
    if not match or len(match.group(1)) not in (9, 10, 11, 12):
        raise ValueError(
            _("“%(value)s” is not a tax code: 10 digits, 10 digits-3 digits, or a 12-digit ID number")
            % {"value": text[:40]}
        )
    digits = match.group(1)
    digits = digits.zfill(10) if len(digits) == 9 else digits.zfill(12) if len(digits) == 11 else digits
    return f"{digits}-{match.group(2)}" if match.group(2) else digits


class TaxCodeWidget(widgets.Widget):
    """A tax code (tax_code_clean), or one exactly as an organization of the user's units has it (codes
    typed before they were checked must still match)."""

    def bind(self, resource):
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        return known_tax_code(self.resource, value)


def known_tax_code(resource, value) -> str:
    try:
        return tax_code_clean(value)
    except ValueError:
        if clean_text(value) in organizations_of(resource).by_tax:
            return clean_text(value)
        raise


class _Organizations:
    """The user's organizations, read once: by tax code and by folded name."""

    def __init__(self, user):
        found = scope.scope_by_unit(user, Organization.objects.all())
        self.all = list(found)
        self.by_tax = {org.tax_code: org for org in self.all if org.tax_code}
        self.by_name = {}
        for org in self.all:
            self.by_name.setdefault(fold(org.name), []).append(org)


def organizations_of(resource) -> _Organizations:
    if getattr(resource, "organizations", None) is None:
        resource.organizations = _Organizations(resource.user)
    return resource.organizations


class OrganizationResource(CheckedResource):
    columns = (
        Column(
            ORG_NAME, ("Tên chủ thể", "Tên HTX", "Tên doanh nghiệp", "Tổ chức", "Name", "Organization"), required=True
        ),
        Column(ORG_KIND, ("Loại", "Loại hình chủ thể", "Loại chủ thể", "Kind", "Type")),
        Column(TAX_CODE, ("MST", "Mã số doanh nghiệp", "Mã số ĐKKD", "Tax code", "Registration code")),
        Column(ORG_UNIT, ("Địa bàn", "Đơn vị hành chính", "Xã", "Unit", "Administrative unit")),
    )

    name = Field("name", ORG_NAME, widget=TextWidget(max_length=255))
    kind = Field("kind", ORG_KIND, widget=LabelChoiceWidget(KIND_LABELS))
    tax_code = Field("tax_code", TAX_CODE, widget=TaxCodeWidget())
    unit = Field("unit", ORG_UNIT, widget=UnitWidget(required="required_unless_admin"))

    class Meta:
        model = Organization
        fields = ("name", "kind", "tax_code", "unit")
        import_id_fields = ("name",)

    def get_queryset(self):
        return scope.scope_by_unit(self.user, Organization.objects.all())

    def before_import(self, dataset, **kwargs):
        self.seen = {}

    def get_instance(self, instance_loader, row):
        """By tax code when the row has one; else by name within the row's unit."""
        orgs = organizations_of(self)
        try:
            tax_code = known_tax_code(self, row.get(TAX_CODE))
            unit = self.fields["unit"].clean(row) if ORG_UNIT in row else None
        except ValueError:
            return None
        if tax_code:
            return orgs.by_tax.get(tax_code)
        named = orgs.by_name.get(fold(row.get(ORG_NAME)), [])
        if ORG_UNIT in row:
            named = [org for org in named if org.unit_id == (unit.pk if unit else None)]
        if len(named) > 1:
            raise ValidationError({"name": _("several organizations of this unit have this name: add their tax codes")})
        return named[0] if named else None

    def check_row(self, instance, row, errors, number):
        found = {}
        instance.name_key = fold(instance.name)
        tax_code = instance.tax_code
        key = ("tax", tax_code) if tax_code else ("name", fold(instance.name), instance.unit_id)
        if key in self.seen:
            found["name"] = _("this organization is already on row %(row)s of this file") % {"row": self.seen[key]}
        self.seen.setdefault(key, number)
        if tax_code and "tax_code" not in errors and tax_code not in organizations_of(self).by_tax:
            clash = Organization.objects.filter(tax_code=tax_code).exclude(pk=instance.pk).exists()
            if clash:
                found["tax_code"] = _("the tax code %(code)s belongs to an organization outside your units") % {
                    "code": tax_code
                }
        return found


class OrganizationWidget(widgets.Widget):
    """An organization of the user's units by its name, or by the tax code in the row's tax code column."""

    def bind(self, resource):
        self.resource = resource

    def clean(self, value, row=None, **kwargs):
        orgs = organizations_of(self.resource)
        name = clean_text(value)
        tax_code = known_tax_code(self.resource, (row or {}).get(OWNER_TAX_CODE))
        if tax_code:
            org = orgs.by_tax.get(tax_code)
            if org is None:
                raise ValueError(_("no organization of your units has the tax code %(code)s") % {"code": tax_code})
            return org
        if not name:
            raise ValueError(_("empty: write the organization's name"))
        named = orgs.by_name.get(fold(name), [])
        if len(named) > 1:
            raise ValueError(_("several organizations are called “%(name)s”: add the column “%(column)s”") % {
                "name": name[:80], "column": OWNER_TAX_CODE,
            })  # fmt: skip
        if not named:
            raise ValueError(
                _("no organization of your units is called “%(name)s”: import or add the organization first")
                % {"name": name[:80]}
            )
        return named[0]

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class StarsWidget(WholeNumberWidget):
    """1 to 5 stars: "4", "4 sao" or "★★★★"."""

    def __init__(self, **kwargs):
        super().__init__(1, 5, **kwargs)

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if text and set(text) == {"★"}:
            text = str(len(text))
        return super().clean(re.sub(r"\s*sao$", "", text, flags=re.IGNORECASE), row, **kwargs)


class OcopProductResource(CheckedResource):
    columns = (
        Column(PRODUCT, ("Sản phẩm", "Tên sản phẩm OCOP", "Product", "Product name"), required=True),
        Column(OWNER, ("Tên chủ thể", "Tên tổ chức", "Tổ chức", "Organization"), required=True),
        Column(OWNER_TAX_CODE, ("Mã số thuế", "MST", "Tax code")),
        Column(STARS, ("Hạng sao", "Xếp hạng", "Sao", "Stars"), required=True),
        Column(YEAR, ("Năm", "Năm công nhận", "Năm đánh giá", "Year", "Year ranked"), required=True),
        Column(CATEGORY, ("Nhóm", "Ngành", "Phân nhóm", "Category", "Product group")),
    )

    name = Field("name", PRODUCT, widget=TextWidget(max_length=255))
    organization = Field("organization", OWNER, widget=OrganizationWidget())
    stars = Field("stars", STARS, widget=StarsWidget())
    year = Field("year", YEAR, widget=WholeNumberWidget(2000, 2100))
    category = Field("category", CATEGORY, widget=LabelChoiceWidget(CATEGORY_LABELS, blank=True))

    class Meta:
        model = OcopProduct
        fields = ("name", "organization", "stars", "year", "category")
        import_id_fields = ("organization", "name", "year")

    def get_queryset(self):
        return scope.scope_products(self.user, OcopProduct.objects.all())

    def before_import(self, dataset, **kwargs):
        self.seen = {}

    def get_instance(self, instance_loader, row):
        try:
            organization = self.fields["organization"].clean(row)
            year = self.fields["year"].clean(row)
        except ValueError:
            return None
        name = fold(row.get(PRODUCT))
        same = [p for p in self.get_queryset().filter(organization=organization, year=year) if fold(p.name) == name]
        if len(same) > 1:
            raise ValidationError({"name": _("this organization has several products of this name for this year: "
                                             "merge them in the admin first")})  # fmt: skip
        return same[0] if same else None

    def check_row(self, instance, row, errors, number):
        found = {}
        if "year" not in errors and instance.year and instance.year > timezone.localdate().year + 1:
            found["year"] = _("%(year)s is in the future") % {"year": instance.year}
        key = (instance.organization_id, fold(instance.name), instance.year)
        if instance.organization_id and key in self.seen:
            found["name"] = _("this product is already on row %(row)s of this file") % {"row": self.seen[key]}
        self.seen.setdefault(key, number)
        return found


def organizations_dataset(user) -> tablib.Dataset:
    """The user's organizations, in the import's layout."""
    lookup = UnitLookup(user)
    dataset = tablib.Dataset(headers=[c.name for c in OrganizationResource.columns], title="Tổ chức")
    for org in scope.scope_by_unit(user, Organization.objects.order_by("name_key", "name", "pk")):
        unit = lookup.units.get(org.unit_id)
        dataset.append([org.name, KIND_LABELS[org.kind][0] if org.kind in KIND_LABELS else "", org.tax_code,
                        lookup.label(unit) if unit else ""])  # fmt: skip
    return dataset


def products_dataset(user) -> tablib.Dataset:
    """The OCOP products of the user's organizations, in the import's layout."""
    dataset = tablib.Dataset(headers=[c.name for c in OcopProductResource.columns], title="Sản phẩm OCOP")
    products = scope.scope_products(user, OcopProduct.objects.select_related("organization"))
    for product in products.order_by("-year", "organization__name", "name", "pk"):
        org = product.organization
        category = CATEGORY_LABELS[product.category][0] if product.category in CATEGORY_LABELS else ""
        dataset.append([product.name, org.name, org.tax_code, product.stars, product.year, category])
    return dataset
