"""Django's SQLite backend, told the real limit on query parameters.

Django 5.2 assumes SQLite's old compile-time default of 999 parameters per query and splits
every bulk insert accordingly (a 300-row attendance sheet became several INSERTs). SQLite has
allowed 32,766 since 3.32, and Python reports the build's limit; Django 6.0 reads it the same way.
"""

import sqlite3

from django.db.backends.sqlite3 import base, features
from django.utils.functional import cached_property


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self):
        with self.connection.temporary_connection() as cursor:
            return cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
