import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms.text import (
    InvalidValueError,
    fold,
    name_sort_key,
    normalize_national_id,
    normalize_phone,
    split_full_name,
)

MOBILE = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["03", "05", "07", "08", "09"]),
    st.text("0123456789", min_size=8, max_size=8),
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084912345678", "0912345678"),
        (912345678, "0912345678"),
        (912345678.0, "0912345678"),
        ("912345678", "0912345678"),
        ("01689 123 456", "0389123456"),
        ("1689123456", "0389123456"),
        ("0123 456 7890", "0834567890"),
        ("(024) 3825 3456", "02438253456"),
        ("2438253456", "02438253456"),
        ("", ""),
        (None, ""),
    ],
)
def test_phone_numbers_in_every_vietnamese_form(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "0612345678", "091234567890", "abc", "+1 415 555 0100"])
def test_impossible_phone_numbers_are_refused_in_vietnamese(raw):
    with pytest.raises(InvalidValueError, match="Số điện thoại không hợp lệ"):
        normalize_phone(raw)


@given(MOBILE)
def test_every_form_of_a_mobile_number_normalises_to_the_same_number(number):
    forms = [number, "+84" + number[1:], "84" + number[1:], number[1:], f"{number[:4]} {number[4:7]} {number[7:]}"]
    assert {normalize_phone(form) for form in forms} == {number}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("001089012345", "001089012345"),
        (1089012345, "001089012345"),
        ("1089012345", "001089012345"),
        (31089012345.0, "031089012345"),
        ("012345678", "012345678"),
        ("12345678", "012345678"),
        ("", ""),
    ],
)
def test_national_ids_including_those_that_lost_leading_zeros(raw, expected):
    assert normalize_national_id(raw) == expected


@pytest.mark.parametrize("raw", ["1234567", "0010890123456", "099089012345", "00108901234X"])
def test_impossible_national_ids_are_refused(raw):
    with pytest.raises(InvalidValueError):
        normalize_national_id(raw)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậéèẻẽẹốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ ", max_size=40))
def test_folding_is_idempotent_and_leaves_only_ascii_letters(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert all(char.isascii() for char in folded)


def test_nfd_and_nfc_names_are_the_same_person():
    nfd = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng \u0110a\u0300o"
    assert fold(nfd) == fold("Nguyễn Thị Hồng Đào") == "nguyen thi hong dao"
    assert name_sort_key(nfd) == name_sort_key("Nguyễn Thị Hồng Đào")
    assert split_full_name(nfd) == ("Nguyễn Thị Hồng", "Đào")


def test_names_sort_in_vietnamese_order_by_given_name():
    names = ["Lê Văn Đức", "Nguyễn Văn An", "Phạm Thị Dung", "Trần Thị Ánh", "Hoàng Văn Ân", "Đỗ Văn Ăn", "Vũ Thị Bình"]
    ordered = sorted(names, key=name_sort_key)
    assert ordered == [
        "Nguyễn Văn An", "Trần Thị Ánh", "Đỗ Văn Ăn", "Hoàng Văn Ân", "Vũ Thị Bình", "Phạm Thị Dung", "Lê Văn Đức",
    ]  # fmt: skip
