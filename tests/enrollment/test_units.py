import json

import pytest

from enrollment.models import AdministrativeUnit, UnitMapping
from enrollment.units import HANOI_UNITS, hanoi_units_load, unit_resolve

PRE, CURRENT = AdministrativeUnit.Scheme.PRE_2025, AdministrativeUnit.Scheme.CURRENT


def test_hanoi_ships_in_both_schemes_with_the_mapping(db):
    districts = AdministrativeUnit.objects.filter(scheme=PRE, level="district")
    assert districts.count() == 30
    assert set(districts.values_list("type", flat=True)) == {"huyện", "quận", "thị xã"}
    assert districts.filter(type="quận").count() == 12
    assert districts.filter(type="huyện").count() == 17
    current = AdministrativeUnit.objects.filter(scheme=CURRENT, level="commune")
    assert current.count() == 126
    assert current.filter(type="phường").count() == 51
    assert current.filter(type="xã").count() == 75
    assert AdministrativeUnit.objects.filter(scheme=PRE, level="commune").count() == 526
    every_old_commune_mapped = not AdministrativeUnit.objects.filter(
        scheme=PRE, level="commune", mapped_to__isnull=True
    ).exists()
    assert every_old_commune_mapped


def test_codes_repeat_across_schemes_but_not_within_one(db):
    assert AdministrativeUnit.objects.filter(code="01").count() == 2  # the province, in each scheme
    phuc_xa = AdministrativeUnit.objects.get(scheme=PRE, code="00001")
    assert phuc_xa.path == "01/001/00001"
    assert phuc_xa.parent.name == "Ba Đình"


def test_loading_again_adds_nothing(db):
    before = (AdministrativeUnit.objects.count(), UnitMapping.objects.count())
    assert hanoi_units_load() == {"units": 0, "mappings": 0}
    assert (AdministrativeUnit.objects.count(), UnitMapping.objects.count()) == before


def test_the_data_file_states_its_source():
    data = json.loads(HANOI_UNITS.read_text(encoding="utf-8"))
    assert "vietnam-provinces" in data["source"]


@pytest.mark.parametrize(
    "text",
    [
        "Xã Bát Tràng, Huyện Gia Lâm, Hà Nội",
        "Bát Tràng - Gia Lâm",
        "bat trang gia lam",
        "Thôn 3, xã bát tràng, h. Gia Lâm",
        "XA BAT TRANG, HUYEN GIA LAM",
    ],
)
def test_old_bat_trang_resolves_to_its_three_current_units_best_match_first(db, text):
    resolution = unit_resolve(text)
    assert resolution.old.name == "Bát Tràng"
    assert resolution.old.parent.name == "Gia Lâm"
    assert [unit.name for unit in resolution.current][0] == "Bát Tràng"
    assert sorted(unit.name for unit in resolution.current) == ["Bát Tràng", "Gia Lâm", "Long Biên"]
    assert resolution.ambiguous


def test_a_commune_name_in_several_districts_is_settled_by_the_district(db):
    resolution = unit_resolve("P. Phúc Xá, Q. Ba Đình, TP Hà Nội")
    assert (resolution.old.name, resolution.old.parent.name) == ("Phúc Xá", "Ba Đình")
    assert [unit.name for unit in resolution.current] == ["Hồng Hà"]


def test_a_current_commune_resolves_to_itself(db):
    resolution = unit_resolve("Phường Hồng Hà, Hà Nội")
    assert resolution.old is None
    assert [unit.name for unit in resolution.current] == ["Hồng Hà"]


@pytest.mark.parametrize("text", ["", "   ", "Không rõ địa chỉ", None])
def test_unknown_addresses_resolve_to_nothing(db, text):
    assert not unit_resolve(text).found
