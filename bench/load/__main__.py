"""``python -m bench.load --participants 100000 --offerings 5000 --attendance 1000000``: fill the
database with a synthetic city-scale program, to measure the dashboard. The settings are manage.py's
(lms.settings.dev unless DJANGO_SETTINGS_MODULE says otherwise; DATABASE_URL picks the database);
``--help`` lists the options."""

import os
import sys

import django


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    django.setup()
    from bench.load.command import Command

    # "python -m" and "bench.load" make the usage line read `python -m bench.load [options]`.
    Command().run_from_argv(["python -m", "bench.load", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
