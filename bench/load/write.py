"""Writing the plan: batched bulk inserts (COPY on PostgreSQL), values as the database stores them,
the next free phones, codes and serials, organizations and offering titles."""

import base64
import itertools
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from certificates.codes import GROUP, LENGTH
from enrollment import synthetic
from enrollment.models import Organization, Participant
from enrollment.units import CURRENT
from lms.text import fold

from .plan import _Plan, _quotas, _Units
from .shapes import _BASE32_TO_CROCKFORD, BATCH, DESTINATIONS, FIRST_PHONE, ORGANIZATION_KINDS, PRODUCTS, TOPICS, Kind


def _insert(model, rows: Iterable, *, on_batch: Callable[[list], None] | None = None) -> int:
    """bulk_create `rows` (any iterable, consumed lazily) in batches, one transaction each."""
    total, rows = 0, iter(rows)
    while batch := list(itertools.islice(rows, BATCH)):
        with transaction.atomic():
            model.objects.bulk_create(batch, batch_size=BATCH)
        total += len(batch)
        if on_batch:
            on_batch(batch)
    return total


def _db_value(model, name: str, value):
    """`value` as the database stores `model`'s field `name` (dates, times, decimals on SQLite)."""
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def _insert_tuples(model, names: list[str], rows: Iterable[tuple], *, on_batch=None) -> int:
    """Write tuples of database values for the fields `names`, one transaction a batch: COPY on
    PostgreSQL, multi-row INSERTs elsewhere.

    For the big tables: bulk_create spends some 40 µs a row compiling each value through its field
    (and psycopg's client-side binding as much again), which made four fifths of the run. Here the
    columns come from the model's fields, the caller prepares each value once per offering or session
    (`_db_value`), and every other field takes its model default (auto_now fields: the batch's time).
    """
    meta, quote = model._meta, connection.ops.quote_name
    given = [meta.get_field(name) for name in names]
    rest = [f for f in meta.concrete_fields if not f.primary_key and f.name not in names]
    width = len(given) + len(rest)
    per_statement = max(1, min(1000, (connection.features.max_query_params or 65535) // width))
    table_columns = f"{quote(meta.db_table)} ({', '.join(quote(f.column) for f in given + rest)})"
    head = f"INSERT INTO {table_columns} VALUES "
    values = "(" + ", ".join(["%s"] * width) + ")"
    statements = {}
    total, rows = 0, iter(rows)
    while batch := list(itertools.islice(rows, BATCH)):
        now = timezone.now()
        defaults = tuple(
            f.get_db_prep_save(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                               else f.get_default(), connection)
            for f in rest
        )  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy"):  # psycopg 3
                with cursor.cursor.copy(f"COPY {table_columns} FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row((*row, *defaults))
            else:
                for first in range(0, len(batch), per_statement):
                    chunk = batch[first : first + per_statement]
                    if len(chunk) not in statements:
                        statements[len(chunk)] = head + ", ".join([values] * len(chunk))
                    cursor.execute(statements[len(chunk)], [value for row in chunk for value in (*row, *defaults)])
        total += len(batch)
        if on_batch:
            on_batch(batch)
    return total


def _phone_start() -> int:
    """The first free number of the reserved block, after the highest one any participant holds."""
    prefixes = synthetic.PHONE_PREFIXES
    for index in range(len(prefixes) - 1, FIRST_PHONE // 1_000_000 - 1, -1):
        top = Participant.objects.filter(phone__startswith=prefixes[index]).aggregate(top=Max("phone"))["top"]
        if top and len(top) == 10 and top.isdigit():
            return max(FIRST_PHONE, index * 1_000_000 + int(top[4:]) + 1)
    return FIRST_PHONE


def _next_numbers(model, field_name: str, prefixes: Iterable[str]) -> dict[str, int]:
    """For each prefix, the number after the highest `{prefix}{number}` stored (1 if none)."""
    numbers = {}
    for prefix in prefixes:
        top = (
            model.objects.filter(**{f"{field_name}__startswith": prefix})
            .aggregate(top=Max(field_name))["top"]
        )  # fmt: skip
        tail = top[len(prefix) :] if top else ""
        numbers[prefix] = int(tail) + 1 if tail.isdigit() else 1
    return numbers


def _verification_codes(rng):
    """Codes of certificates.codes' format (20 Crockford base32 symbols in groups of four), from `rng`."""
    while True:
        raw = base64.b32encode(rng.randbytes(15)).decode().translate(_BASE32_TO_CROCKFORD)[:LENGTH]
        yield "-".join(raw[index : index + GROUP] for index in range(0, LENGTH, GROUP))


def _organization_rows(rng, count: int, units: _Units, kinds_out: list):
    for kind, n in _quotas(count, ORGANIZATION_KINDS):
        for _i in range(n):
            region = rng.choices(range(len(units.regions)), [r.district.weight for r in units.regions])[0]
            commune = units.pick_commune(rng, region, CURRENT)
            place = commune.label.split(" ", 1)[1] if " " in commune.label else commune.label
            if kind == "cooperative":
                name = f"Hợp tác xã {rng.choice(PRODUCTS)} {place}"
            elif kind == "enterprise":
                name = f"Công ty TNHH {rng.choice(PRODUCTS)} {place}"
            else:
                gender = "female" if rng.random() < 0.5 else "male"
                owner = synthetic.full_name(rng, gender)
                name = f"Hộ kinh doanh {owner}" if kind == "household" else f"Trang trại {owner}"
            kinds_out.append((kind, region))
            yield Organization(kind=kind, name=name, name_key=fold(name), unit_id=commune.pk)


def _roster_day(plan: _Plan) -> date:
    """The day the offering's roster was imported: two weeks before it starts."""
    return plan.starts_on - timedelta(days=14)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _offering_title(rng, plan: _Plan) -> tuple[str, str]:
    year = plan.starts_on.year
    place = plan.unit.label
    if plan.kind == Kind.CONFERENCE:
        subject = "triển khai" if plan.starts_on.month <= 6 else "sơ kết"
        return f"Hội nghị {subject} Chương trình OCOP năm {year} – {place}", f"Hội trường UBND {place}"
    if plan.kind == Kind.STUDY_TOUR:
        destination = rng.choice(DESTINATIONS)
        return f"Tham quan học tập mô hình OCOP tại {destination} ({place})", destination
    topic = plan.course.title if plan.course else rng.choice(TOPICS[plan.track])
    return f"Lớp tập huấn: {topic} – {place}"[:255], f"Hội trường UBND {place}"
