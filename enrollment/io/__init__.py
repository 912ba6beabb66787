"""Enrollment's lists in and out of Excel through django-import-export (lms.dataimport): the year's
training plan (plan.py), organizations and OCOP products (products.py), administrative units as the
lists write them (units.py), and their admin pages (admin_views.py)."""
