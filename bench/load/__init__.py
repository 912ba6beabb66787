"""A city-scale synthetic program, to measure the dashboard at Hanoi's size.

``load_generate`` fills the database with years of offerings (conferences, classes, study tours)
over Hanoi's administrative units, about a hundred thousand fictional people, their enrollments,
sessions, a million attendance records and the certificates of finished classes, with bulk writes.

Everything is planned first in compact arrays (who goes to which offering, with which status, which
sessions they missed), then written table by table in batches of 10,000 rows, one transaction each;
rows exist only one batch at a time. Small tables go through bulk_create; participants, enrollments,
attendance and certificates are written as tuples (`_insert_tuples`: COPY on PostgreSQL, multi-row
INSERTs on SQLite), since bulk_create's per-value compiling was four fifths of the run. Offerings
before 1 July 2025 name pre-2025 units (province, districts, communes), later ones current units.

Nothing clashes with real or demo data, and a second run on the same database adds to the first:
codes are ``T{seed}-{year}-{n:06d}`` (offerings) and ``T{seed}-{year}-{n:07d}`` (certificate
serials), numbered after the highest of the run's prefix already stored; phones come from the
reserved block of ``enrollment.synthetic`` from number 1,000,000 (the demo uses 0 to 99,999),
after the highest one already used. The plan is deterministic for a seed and a database state.

Modules: shapes (the program's shares, weights and names), plan (units, courses, offerings, people
and enrollments planned in memory), write (the batched writers and free numbers), generate
(``load_generate``: plan, then write), command (``python -m bench.load``, the command line).
Nothing is imported here: ``python -m bench.load`` sets Django up before it loads the models.
"""
