"""Near-duplicates are flagged for the clerk, never decided silently (enrollment.roster.matching)."""

import pytest

from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import Enrollment, Participant
from enrollment.roster import read_roster
from enrollment.roster.importer import roster_import
from lms.text import name_match_key, one_digit_off, within_one_edit

from .test_roster_import import make_roster


@pytest.fixture
def cuong(db):
    return services.participant_create(full_name="Lê Văn Cường", birth_year=1968, phone="0912345678")


def _import(tmp_path, rows, **options):
    roster = read_roster(make_roster(tmp_path / "ds.xlsx", rows))
    report = roster_import(roster=roster, offering=options.pop("offering", None) or OfferingFactory(), **options)
    return report, {outcome.row: outcome for outcome in report.outcomes}


def test_name_keys_keep_tone_marks_and_accept_either_place_of_the_mark():
    assert name_match_key("LÊ VĂN CƯỜNG") == name_match_key("Lê Văn Cường") != name_match_key("Lê Văn Cương")
    assert name_match_key("Nguyễn Thị Hòa") == name_match_key("Nguyễn Thị Hoà")
    assert name_match_key("Đặng Thủy") == name_match_key("Đặng Thuỷ")
    assert within_one_edit("lê văn cườg", "lê văn cường") and within_one_edit("lê văn cương", "lê văn cường")
    assert not within_one_edit("lê văn cương", "lê văn cưởng x")
    assert one_digit_off("0912345678", "0912345679") and not one_digit_off("0912345678", "0912345687")


@pytest.mark.parametrize(
    "row, reason",
    [
        (["Lê Văn Cương", 1968, "", ""], "tên chỉ khác dấu thanh"),  # another given name, same letters
        (["Lê Văn Cườg", 1968, "", ""], "tên khác một chữ cái"),  # a letter left out
        (["Lê Vă Cường", 1968, "", ""], "tên khác một chữ cái"),  # a typo in the middle name
        (["Lê Văn Cường", 1968, "0912345679", ""], "Số điện thoại lệch một chữ số"),
    ],
    ids=["tone-marks", "letter-missing", "middle-name-typo", "phone-one-digit-off"],
)
def test_a_row_close_to_someone_on_record_is_asked_about_with_the_candidate(tmp_path, cuong, row, reason):
    report, rows = _import(tmp_path, [[1, *row, "", ""]], dry_run=True)
    outcome = rows[6]
    assert (outcome.status, outcome.candidates) == ("near", [cuong.pk])
    # The message names none of his details: the clerk sees him among the choices, if they may.
    assert outcome.messages == [f"Có thể là người đã có trong hệ thống: {reason}."]
    assert (report.created, report.matched, report.ambiguous_count) == (0, 0, 1)


@pytest.mark.parametrize(
    "row",
    [
        ["Lê Văn Cường", 1968, "", ""],  # the same person: matched, not asked about
        ["Lê Văn Cương", 1969, "", ""],  # another year of birth
        ["Lê Văn Cương", 1968, "0987000111", ""],  # a near name, but a phone nothing like his
        ["Lê Văn Cường", 1968, "0912300000", ""],  # a namesake with another phone: another man
        ["Lê Văn Cao Cường", 1968, "", ""],  # a whole word more
    ],
    ids=["same", "other-year", "other-phone", "namesake-other-phone", "word-more"],
)
def test_people_plainly_the_same_or_plainly_different_are_not_asked_about(tmp_path, cuong, row):
    _report, rows = _import(tmp_path, [[1, *row, "", ""]], dry_run=True)
    assert rows[6].status in ("matched", "new")
    assert rows[6].status == ("matched" if row[0] == "Lê Văn Cường" and row[2] == "" else "new")


def test_an_id_number_one_digit_off_is_asked_about(tmp_path, db):
    known = services.participant_create(full_name="Phạm Thị Hoa", birth_year=1975, national_id="001175000123")
    _report, rows = _import(tmp_path, [[1, "PHẠM THỊ HOA", 1975, "", "001175000128", "", ""]], dry_run=True)
    assert (rows[6].status, rows[6].candidates) == ("near", [known.pk])
    assert "Số CCCD lệch một chữ số" in rows[6].messages[-1] and "001175000123" not in rows[6].messages[-1]


def test_the_clerk_settles_a_near_duplicate_as_the_same_person_or_a_new_one(tmp_path, cuong):
    offering = OfferingFactory()
    rows = [[1, "Lê Văn Cương", 1968, "", "", "", ""], [2, "Lê Văn Cườg", 1968, "", "", "", ""]]
    report, outcomes = _import(tmp_path, rows, offering=offering, decisions={6: cuong.pk, 7: "create"})
    assert report.written and (report.matched, report.created) == (1, 1)
    assert outcomes[6].participant_id == cuong.pk
    assert Participant.objects.get(pk=outcomes[7].participant_id).full_name == "Lê Văn Cườg"
    assert Enrollment.objects.filter(offering=offering).count() == 2


def test_a_decision_cannot_name_anyone_but_the_candidates(tmp_path, cuong):
    stranger = services.participant_create(full_name="Trần Thị Lan", birth_year=1990, phone="0977000000")
    report, outcomes = _import(tmp_path, [[1, "Lê Văn Cương", 1968, "", "", "", ""]], decisions={6: stranger.pk})
    assert (outcomes[6].status, outcomes[6].candidates) == ("ambiguous", [cuong.pk])  # asked again
    assert not report.written


def test_near_duplicates_within_the_file_name_the_earlier_row(tmp_path, db):
    rows = [[1, "Hoàng Văn Đức", 1980, "", "", "", ""], [2, "Hoàng Văn Đúc", 1980, "", "", "", ""]]
    _report, outcomes = _import(tmp_path, rows, dry_run=True)
    assert outcomes[6].status == "new"
    assert outcomes[7].status == "near"
    assert outcomes[7].messages == ["Có thể trùng với dòng 6 của tệp này (Hoàng Văn Đức): tên chỉ khác dấu thanh."]


def test_each_row_says_what_it_stores_and_whom_it_matched_on_which_key(tmp_path, cuong):
    rows = [
        [1, "NGUYỄN THỊ HÒA", "05/03/1979", "0987 654 321", 1089012345, "", "Xã Bát Tràng"],
        [2, "Lê Văn Cường", 1970, "912345678", "", "", ""],
    ]
    _report, outcomes = _import(tmp_path, rows, dry_run=True)
    assert outcomes[6].cleaned == [
        ("full_name", "NGUYỄN THỊ HÒA", "Nguyễn Thị Hòa"),
        ("birth", "05/03/1979", "05/03/1979"),
        ("address", "Xã Bát Tràng", "Xã Bát Tràng"),  # the unit it resolves to
        ("phone", "0987 654 321", "0987654321"),
        ("national_id", "1089012345", "001089012345"),
    ]
    assert (outcomes[7].status, outcomes[7].participant_id, outcomes[7].matched_on) == ("matched", cuong.pk, "phone")


def test_the_preview_shows_typed_and_stored_values_and_links_the_person_matched(client, tmp_path, db):
    from django.urls import reverse

    from enrollment.models import RosterImport

    from .test_roster_admin import _setup, _upload

    offering, organizer = _setup()
    mine = services.participant_create(
        full_name="Lê Văn Cường", birth_year=1968, phone="0912345678", unit=offering.unit
    )
    services.participant_create(full_name="Vũ Thị Mai", birth_year=1990, phone="0977111222")  # another unit's
    rows = [
        [1, "TRẦN THỊ NGA", 1985, "0987 654 321", 1089012345, "", ""],
        [2, "Lê Văn Cường", 1968, "912345678", "", "", ""],
        [3, "Vũ Thị Mai", 1990, "0977111222", "", "", ""],
    ]
    client.force_login(organizer)
    _upload(client, offering, make_roster(tmp_path / "ds.xlsx", rows))
    page = client.get(reverse("enrollment:roster_preview", args=[RosterImport.objects.get().pk])).content.decode()
    assert '<span class="roster-typed">0987 654 321</span> → <strong>0987654321</strong>' in page
    assert '<span class="roster-typed">1089012345</span> → <strong>001089012345</strong>' in page
    assert '<span class="roster-typed">TRẦN THỊ NGA</span> → <strong>Trần Thị Nga</strong>' in page
    link = reverse("participants:edit", args=[mine.pk])
    assert f'Đã có trong hệ thống: <a href="{link}">Lê Văn Cường</a>, khớp theo số điện thoại.' in page
    assert "Vũ Thị Mai</a>" not in page  # matched too, but someone the organizer may not see: no name, no link


def test_precision_and_recall_on_a_generated_file_with_known_answers(db):
    from bench.roster_near_duplicates import near_duplicate_quality

    quality = near_duplicate_quality(known_count=500, positives=100, negatives=100, new_count=300)
    assert quality["positives"] == 100
    assert quality["recall"] >= 0.95 and quality["precision"] >= 0.95, quality
