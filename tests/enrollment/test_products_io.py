"""Organizations and OCOP products out to Excel and back in, through the same upload-preview-confirm page
as the plan: exports import again unchanged, products match on (organization, name, year), organizers
stay within their units."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from enrollment.factories import OrganizationFactory
from enrollment.models import AdministrativeUnit, OcopProduct, Organization

PRODUCTS_URL = "/admin/ocop_products/import/"
ORGANIZATIONS_URL = "/admin/organizations/import/"
YEAR = timezone.localdate().year


@pytest.fixture
def world(db):
    bat_trang = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    hong_ha = AdministrativeUnit.objects.get(scheme="current", name="Hồng Hà")
    gom = OrganizationFactory(name="Hợp tác xã Gốm sứ Bát Tràng", unit=bat_trang, tax_code="0101234567")
    che = OrganizationFactory(name="Hộ kinh doanh Chè Hồng Hà", unit=hong_ha, kind=Organization.Kind.HOUSEHOLD)
    OcopProduct.objects.create(organization=gom, name="Bình gốm men lam", stars=4, year=YEAR - 1, category="crafts")
    OcopProduct.objects.create(organization=che, name="Chè búp Hồng Hà", stars=3, year=YEAR - 1, category="food")
    return {
        "bat_trang": bat_trang, "hong_ha": hong_ha, "gom": gom, "che": che,
        "admin": UserFactory(role=Role.ADMINISTRATOR),
        "organizer": UserFactory(role=Role.ORGANIZER, unit=bat_trang),
    }  # fmt: skip


def xlsx(path, header, rows):
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def upload(client, url, path):
    response = client.post(url, {"file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 302, response.content[-3000:]
    return response.url.split("preview=")[1]


def preview(client, url, token) -> str:
    return client.get(f"{url}?preview={token}").content.decode()


def test_the_exports_import_again_unchanged(client, world, tmp_path):
    client.force_login(world["admin"])
    for export, url in (("enrollment:organizations_export", ORGANIZATIONS_URL),
                        ("enrollment:products_export", PRODUCTS_URL)):  # fmt: skip
        response = client.get(reverse(export))
        path = tmp_path / response["Content-Disposition"].split('filename="')[1].rstrip('"')
        path.write_bytes(response.content)
        page = preview(client, url, upload(client, url, path))
        assert "Không đổi: <strong>2</strong>" in page and "Lỗi: <strong>0</strong>" in page, url
    rows = list(load_workbook(io.BytesIO(client.get(reverse("enrollment:products_export")).content)).active.values)
    assert rows[0] == ("Tên sản phẩm", "Chủ thể", "Mã số thuế chủ thể", "Số sao", "Năm xếp hạng", "Nhóm sản phẩm")
    assert ("Bình gốm men lam", "Hợp tác xã Gốm sứ Bát Tràng", "0101234567", 4, YEAR - 1,
            "Lưu niệm – nội thất – trang trí") in rows  # fmt: skip


def test_products_are_matched_on_organization_name_and_year(client, world, tmp_path):
    header = ["Tên sản phẩm", "Chủ thể", "Số sao", "Năm xếp hạng", "Nhóm sản phẩm"]
    rows = [
        ["BÌNH GỐM MEN LAM", "hop tac xa gom su bat trang", "5 sao", YEAR - 1, "Lưu niệm, nội thất, trang trí"],
        ["Bình gốm men lam", "Hợp tác xã Gốm sứ Bát Tràng", "★★★★", YEAR, "lưu niệm – nội thất – trang trí"],
        ["Chén gốm", "Hợp tác xã Không Có", 3, YEAR, ""],
        ["Đĩa gốm", "Hợp tác xã Gốm sứ Bát Tràng", 6, 1999, "Đồ gốm"],
        ["Bình gốm men lam", "Hợp tác xã Gốm sứ Bát Tràng", 4, YEAR, ""],
    ]  # fmt: skip
    client.force_login(world["admin"])
    page = preview(client, PRODUCTS_URL, upload(client, PRODUCTS_URL, xlsx(tmp_path / "sp.xlsx", header, rows)))
    for message in [
        "Thay đổi: Tên sản phẩm, Số sao",  # matched without regard to case; the file's spelling is kept
        "Dòng 4, cột “Chủ thể”: không có tổ chức nào thuộc đơn vị của bạn tên “Hợp tác xã Không Có”",
        "Dòng 5, cột “Số sao”: “6” không phải số nguyên từ 1 đến 5",
        "Dòng 5, cột “Năm xếp hạng”: “1999” không phải số nguyên từ 2000 đến 2100",
        "Dòng 5, cột “Nhóm sản phẩm”: không nhận ra “Đồ gốm”",
        "Dòng 6, cột “Tên sản phẩm”: sản phẩm này đã có ở dòng 3 của tệp này",
    ]:
        assert message in page, message
    # Without the bad rows: one changed (the stars), one new (next year's ranking of the same product).
    token = upload(client, PRODUCTS_URL, xlsx(tmp_path / "sp2.xlsx", header, rows[:2]))
    client.post(PRODUCTS_URL, {"token": token})
    products = OcopProduct.objects.filter(organization=world["gom"]).order_by("year")
    assert [(p.name, p.stars, p.year, p.category) for p in products] == [
        ("BÌNH GỐM MEN LAM", 5, YEAR - 1, "crafts"), ("Bình gốm men lam", 4, YEAR, "crafts"),
    ]  # fmt: skip


def test_an_organizer_reaches_only_the_organizations_of_their_units(client, world, tmp_path):
    client.force_login(world["organizer"])
    exported = load_workbook(io.BytesIO(client.get(reverse("enrollment:organizations_export")).content)).active
    assert [row[0] for row in exported.values] == ["Tên tổ chức", "Hợp tác xã Gốm sứ Bát Tràng"]
    products = load_workbook(io.BytesIO(client.get(reverse("enrollment:products_export")).content)).active
    assert "Chè búp Hồng Hà" not in str(list(products.values))

    header = ["Tên tổ chức", "Loại hình", "Mã số thuế", "Đơn vị"]
    rows = [
        ["HTX Nông nghiệp Đa Tốn", "HTX", 101999888, "Xã Bát Tràng"],  # the tax code lost its leading zero
        ["Hộ kinh doanh Chè Hồng Hà", "Hộ kinh doanh", "", "Phường Hồng Hà"],
        ["Công ty Gốm Hồng Hà", "Doanh nghiệp", "", ""],
    ]
    page = preview(client, ORGANIZATIONS_URL, upload(client, ORGANIZATIONS_URL, xlsx(tmp_path / "tc.xlsx", header,
                                                                                      rows)))  # fmt: skip
    assert "Dòng 3, cột “Đơn vị”: “Phường Hồng Hà” không thuộc các đơn vị bạn phụ trách" in page
    assert "Dòng 4, cột “Đơn vị”: đang trống: hãy ghi đơn vị hành chính" in page
    token = upload(client, ORGANIZATIONS_URL, xlsx(tmp_path / "tc2.xlsx", header, rows[:1]))
    client.post(ORGANIZATIONS_URL, {"token": token})
    created = Organization.objects.get(tax_code="0101999888")
    assert (created.name, created.kind, created.unit, created.name_key) == (
        "HTX Nông nghiệp Đa Tốn", "cooperative", world["bat_trang"], "htx nong nghiep da ton",
    )  # fmt: skip

    # A product of another unit's organization cannot be added, even named exactly.
    product_rows = [["Chè búp", "Hộ kinh doanh Chè Hồng Hà", 3, YEAR]]
    page = preview(client, PRODUCTS_URL, upload(client, PRODUCTS_URL, xlsx(
        tmp_path / "sp.xlsx", ["Tên sản phẩm", "Chủ thể", "Số sao", "Năm xếp hạng"], product_rows)))  # fmt: skip
    assert "không có tổ chức nào thuộc đơn vị của bạn tên “Hộ kinh doanh Chè Hồng Hà”" in page
    assert OcopProduct.objects.count() == 2


def test_a_tax_code_of_another_units_organization_is_refused(client, world, tmp_path):
    world["che"].tax_code = "0109876543"
    world["che"].save()
    client.force_login(world["organizer"])
    rows = [["Hộ Chè mới", "Hộ kinh doanh", "0109876543", "Xã Bát Tràng"]]
    header = ["Tên tổ chức", "Loại hình", "Mã số thuế", "Đơn vị"]
    page = preview(client, ORGANIZATIONS_URL, upload(client, ORGANIZATIONS_URL, xlsx(tmp_path / "t.xlsx", header,
                                                                                      rows)))  # fmt: skip
    assert "Dòng 2, cột “Mã số thuế”: mã số thuế 0109876543 thuộc một tổ chức ngoài các đơn vị bạn phụ trách" in page
    world["che"].refresh_from_db()
    assert world["che"].unit == world["hong_ha"] and world["che"].name == "Hộ kinh doanh Chè Hồng Hà"


def test_the_listings_link_to_import_and_export_and_products_have_a_group(client, world):
    client.force_login(world["organizer"])
    for listing in ("organizations:index", "ocop_products:index"):
        page = client.get(reverse(listing)).content.decode()
        assert "Nhập từ Excel" in page and "Xuất tệp (XLSX)" in page
    page = client.get(reverse("ocop_products:index")).content.decode()
    assert "Lưu niệm – nội thất – trang trí" in page
    form = client.get(reverse("ocop_products:add")).content.decode()
    assert "Dịch vụ du lịch cộng đồng và điểm du lịch" in form and "Thảo dược" in form


def test_the_exports_run_a_fixed_number_of_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["organizer"])

    def queries(name):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    before = {name: queries(name) for name in ("enrollment:organizations_export", "enrollment:products_export")}
    for n in range(20):
        org = OrganizationFactory(unit=world["bat_trang"], tax_code=f"01{n:08d}")
        OcopProduct.objects.create(organization=org, name=f"Sản phẩm {n}", stars=3, year=YEAR - 1)
    assert {name: queries(name) for name in before} == before
