"""The admin's roster check and import as background tasks: progress, the preview's pages, one import only."""

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from enrollment.factories import OfferingFactory
from enrollment.models import Enrollment, Participant, RosterImport
from enrollment.roster import read_roster
from enrollment.roster.importer import roster_import
from enrollment.roster.tasks import _progress_key

from .test_roster_admin import _setup, _upload
from .test_roster_import import make_roster


def people(count, start=0):
    # Phones far apart: namesakes-but-one-letter born the same year with phones one digit apart would
    # rightly be asked about (enrollment.roster.matching).
    return [[n, f"Học Viên Thứ {n}", 1960 + n % 40, f"09{n * 7919 % 10**8:08d}", "", f"HTX Số {n % 7}", ""]
            for n in range(start + 1, start + count + 1)]  # fmt: skip


def test_progress_is_reported_after_every_chunk(tmp_path, db):
    roster = read_roster(make_roster(tmp_path / "ds.xlsx", people(2500)))
    seen = []
    report = roster_import(roster=roster, offering=OfferingFactory(), progress=seen.append)
    assert seen == [1000, 2000, 2500]
    assert (report.created, report.enrolled) == (2500, 2500)


def test_reads_per_chunk_do_not_grow_with_the_rows(tmp_path, db):
    def selects(count, start):
        roster = read_roster(make_roster(tmp_path / f"ds{count}.xlsx", people(count, start)))
        with CaptureQueriesContext(connection) as queries:
            roster_import(roster=roster, offering=OfferingFactory())
        return sum(query["sql"].lstrip().upper().startswith("SELECT") for query in queries)

    one_chunk_small, one_chunk_full = selects(50, 0), selects(1000, 100)
    assert one_chunk_small == one_chunk_full
    assert selects(3000, 2000) <= 3 * one_chunk_full


def test_a_running_check_shows_a_progress_bar_fed_by_the_status_endpoint(client, db, tmp_path):
    offering, organizer = _setup()
    history = RosterImport.objects.create(
        offering=offering, file=SimpleUploadedFile("ds.xlsx", b"x"), original_name="ds.xlsx", estimated_rows=4000
    )
    cache.set(_progress_key(history.pk), 1000)
    client.force_login(organizer)
    page = client.get(reverse("enrollment:roster_preview", args=[history.pk])).content.decode()
    assert "<progress" in page and 'value="25"' in page and "Đang kiểm tra từng dòng" in page
    status = client.get(reverse("enrollment:roster_status", args=[history.pk])).json()
    assert status == {"status": "checking", "running": True, "done": 1000, "total": 4000, "percent": 25}


def test_the_preview_pages_and_filters_rows_in_constant_queries(client, db, tmp_path, django_assert_num_queries):
    offering, organizer = _setup()
    client.force_login(organizer)
    rows = people(250) + [[251, "Không Số Máy", 1980, "12345", "", "", ""]]
    response = _upload(client, offering, make_roster(tmp_path / "ds.xlsx", rows))
    history = RosterImport.objects.get()
    assert history.status == "previewed" and history.rows.count() == 251

    first = client.get(response.url).content.decode()
    assert "Trang 1 / 3" in first and "Học Viên Thứ 1<" in first and "Học Viên Thứ 101<" not in first
    errors = client.get(response.url + "?status=error").content.decode()
    assert "Không Số Máy" in errors and "Học Viên Thứ 1<" not in errors
    with CaptureQueriesContext(connection) as last_page:
        client.get(response.url + "?p=3")
    with django_assert_num_queries(len(last_page)):
        client.get(response.url + "?p=2")


def test_confirming_twice_imports_once(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    response = _upload(client, offering, make_roster(tmp_path / "ds.xlsx", people(3)))
    first = client.post(response.url)
    assert first.url == reverse("enrollments:index") + f"?offering={offering.pk}"
    second = client.post(response.url)
    assert second.url == response.url
    assert Enrollment.objects.count() == 3 and Participant.objects.count() == 3
    history = RosterImport.objects.get()
    assert history.status == "imported" and history.imported_at is not None
    page = client.get(response.url).content.decode()
    assert "ghi danh 3 người" in page and set(history.rows.values_list("status", flat=True)) == {"new"}
    assert all(history.rows.values_list("participant_id", flat=True))


def test_the_upload_page_lists_earlier_imports(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    _upload(client, offering, make_roster(tmp_path / "ds.xlsx", people(2)), name="danh-sách-<b>xã<b>.xlsx")
    page = client.get(reverse("enrollment:roster_upload", args=[offering.pk])).content.decode()
    assert "Các lần nhập danh sách trước" in page and "danh-sách-&lt;b&gt;xã&lt;b&gt;.xlsx" in page


@override_settings(ROSTER_MAX_UPLOAD_MB=1)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    big = tmp_path / "ds.csv"
    big.write_bytes(b"Ho va ten,Nam sinh\n" + b"x" * (1024 * 1024 + 1))
    response = _upload(client, offering, big, name="ds.csv")
    assert response.status_code == 200
    assert "Tệp lớn hơn 1 MB" in response.content.decode()
    assert not RosterImport.objects.exists()


def test_a_check_points_no_row_at_people_it_rolled_back(client, db, tmp_path):
    offering, organizer = _setup()
    client.force_login(organizer)
    rows = [*people(2), [3, "Học Viên Thứ 1", 1961, people(1)[0][3], "", "", ""]]  # row 3 repeats row 1
    _upload(client, offering, make_roster(tmp_path / "ds.xlsx", rows))
    history = RosterImport.objects.get()
    assert history.status == "previewed"
    assert list(history.rows.values_list("status", "participant_id")) == [
        ("new", None), ("new", None), ("duplicate", None),
    ]  # fmt: skip
