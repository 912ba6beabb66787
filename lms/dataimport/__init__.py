"""The admin's imports and exports of plain lists (the year's plan, organizations and their OCOP
products, registers), on django-import-export: one definition of how a list is read, checked, previewed,
confirmed and written, for every app's resources.

- `reading`: an uploaded .xlsx or .csv, checked as every upload is (lms.spreadsheets), its header row
  found by its content (Vietnamese or English headers, with or without diacritics), read into a
  tablib Dataset under our column names, each row remembering its number in the spreadsheet;
- `widgets`: cell values read strictly (whole numbers, dd/mm/yyyy dates within bounds, choices by
  their Vietnamese or English names), every refusal a message for people;
- `resources`: `CheckedResource`, an import-export ModelResource that knows its user and reports
  every problem of a row under its column, and `import_table`, which runs it (as a rolled-back check
  or for real) and says per row: new, changed, unchanged or error, with the messages;
- `pending`: the uploaded file between the check and the confirmation, kept by import-export's
  MediaStorage under a name we make up, found again only through the uploader's session;
- `views`: `DataImportView`, the admin page: upload, preview, confirm;
- `xlsx`: a Dataset as a workbook (headers, dates as dates, formula-like text escaped).
"""
