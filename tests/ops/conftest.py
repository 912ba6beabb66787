"""Fixtures of the tests that start other processes (workers, servers) against this test's database."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from tests.ops.redis import rq_tasks  # noqa: F401  (a fixture for the tests of this folder)


@pytest.fixture
def database_url(transactional_db, tmp_path):
    """A URL by which worker processes reach this test's database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings_dict.get("USER") or "postgres"
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
        yield f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"
        return
    if not connection.is_in_memory_db():
        yield f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
        return
    # SQLite's test database lives in this process's memory, out of other processes' reach: copy
    # it (schema and all) to a file and point this process's connection at the file for the test.
    path = tmp_path / "test-database.sqlite3"
    connection.ensure_connection()
    memory, name = connection.connection, settings_dict["NAME"]
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    connection.connection = None  # `memory` stays open: the in-memory database lives on
    settings_dict["NAME"] = str(path)
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        settings_dict["NAME"] = name
        connection.connection = memory
