"""The permission matrix: every URL the project serves, as each of eight people, with the objects of
two administrative units (tests/lms/permission_world.py).

GET says what each URL answers to each role, in the order of ROLES:
  200, 403, 404, 405    the status
  login                 sent to the sign-in page
  home                  sent to the admin's home page (Wagtail's "no permission" answer)
  redirect              sent elsewhere (done, or a page of its own)
  raises                an exception: only Wagtail's own error-reporting test page, which exists to raise

A URL the project serves without a row here fails the test, and so does a row without a URL. Every URL
points at unit A's objects (class A, its session, the learner's enrollment and certificate), so the
organizer of unit B and the trainer of course B stand for everyone who must not reach them.

Beyond the status, no page shown to a role may carry the name of a person that role must not see
(PRIVATE), spreadsheets included; and a role refused a page is refused its POST too, and the request
writes nothing. POST lists the URLs that answer only POST. Each request runs in a savepoint that is rolled
back, so that what one role does never changes what the next one sees.
"""

import html
import io
import json
import unicodedata
import zipfile

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from tests.answers import outcome

from .permission_world import LEARNER, OTHER_LEARNER, PERSON_B, ROLES, world_build
from .url_walk import routes, url_of

# fmt: off
#   anonymous learner other_learner trainer other_trainer organizer_a organizer_b administrator
GET = {
    "healthz": "200 200 200 200 200 200 200 200",
    "ops:jobs": "login login login home home home home 200",
    "home:site_history": "login login login home home home home 200",
    "home:site_history_results": "login login login home home home home 200",
    "admin/login/": "login login login login login login login login",
    "wagtailadmin_home": "login login login 200 200 200 200 200",
    "admin/test404/": "login login login 200 200 200 200 200",
    "wagtailadmin_api:pages:listing": "login login login 200 200 200 200 200",
    "wagtailadmin_api:pages:detail": "login login login 200 404 404 404 200",
    "wagtailadmin_api:pages:find": "login login login 404 404 404 404 404",
    "wagtailadmin_api:pages:action": "login login login 405 405 405 405 405",
    "wagtailadmin_api:documents:listing": "login login login 200 200 200 200 200",
    "wagtailadmin_api:documents:detail": "login login login 200 200 200 200 200",
    "wagtailadmin_api:documents:find": "login login login 404 404 404 404 404",
    "wagtailadmin_api:images:listing": "login login login 200 200 200 200 200",
    "wagtailadmin_api:images:detail": "login login login 200 200 200 200 200",
    "wagtailadmin_api:images:find": "login login login 404 404 404 404 404",
    "wagtailadmin_error_test": "login login login raises raises raises raises raises",
    "wagtailadmin_explore_root": "login login login redirect redirect home home 200",
    "wagtailadmin_explore": "login login login 200 redirect home home 200",
    "wagtailadmin_explore_results": "login login login 200 redirect home home 200",
    "wagtail_bulk_action": "login login login 404 404 404 404 404",
    "wagtailadmin_pages:add": "login login login 200 home home home 200",
    "wagtailadmin_pages:preview_on_add": "login login login 200 home home home 200",
    "wagtailadmin_pages:type_use": "login login login 200 200 home home 200",
    "wagtailadmin_pages:choose_parent": "login login login redirect redirect 200 200 200",
    "wagtailadmin_pages:type_use_results": "login login login 200 200 home home 200",
    "wagtailadmin_pages:usage": "login login login 200 home home home 200",
    "wagtailadmin_pages:edit": "login login login 200 home home home 200",
    "wagtailadmin_pages:preview_on_edit": "login login login 200 home home home 200",
    "wagtailadmin_pages:view_draft": "login login login 200 home home home 200",
    "wagtailadmin_pages:add_subpage": "login login login redirect home home home redirect",
    "wagtailadmin_pages:delete": "login login login home home home home 200",
    "wagtailadmin_pages:unpublish": "login login login home home home home 200",
    "wagtailadmin_pages:convert_alias": "login login login 404 404 404 404 404",
    "wagtailadmin_pages:search": "login login login 200 200 home home 200",
    "wagtailadmin_pages:search_results": "login login login 200 200 home home 200",
    "wagtailadmin_pages:move": "login login login home home home home 200",
    "wagtailadmin_pages:move_confirm": "login login login 200 200 200 200 200",
    "wagtailadmin_pages:set_page_position": "login login login 405 405 405 405 405",
    "wagtailadmin_pages:copy": "login login login 200 home home home 200",
    "wagtailadmin_pages:workflow_action": "login login login 404 404 404 404 404",
    "wagtailadmin_pages:collect_workflow_action_data": "login login login 404 404 404 404 404",
    "wagtailadmin_pages:confirm_workflow_cancellation": "login login login 200 200 200 200 200",
    "wagtailadmin_pages:workflow_preview": "login login login home home home home home",
    "wagtailadmin_pages:set_privacy": "login login login home home home home 200",
    "wagtailadmin_pages:lock": "login login login 405 405 405 405 405",
    "wagtailadmin_pages:unlock": "login login login 405 405 405 405 405",
    "wagtailadmin_pages:revisions_index": "login login login redirect redirect redirect redirect redirect",
    "wagtailadmin_pages:revisions_view": "login login login 200 home home home 200",
    "wagtailadmin_pages:revisions_revert": "login login login 200 home home home 200",
    "wagtailadmin_pages:revisions_unschedule": "login login login home home home home 200",
    "wagtailadmin_pages:revisions_compare": "login login login 200 home home home 200",
    "wagtailadmin_pages:workflow_history": "login login login 200 home home home 200",
    "wagtailadmin_pages:workflow_history_detail": "login login login 404 home home home 404",
    "wagtailadmin_pages:history": "login login login 200 home home home 200",
    "wagtailadmin_pages:history_results": "login login login 200 home home home 200",
    "wagtailadmin_choose_page": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_child": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_search": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_chosen_multiple": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_external_link": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_email_link": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_phone_link": "login login login 200 200 200 200 200",
    "wagtailadmin_choose_page_anchor_link": "login login login 200 200 200 200 200",
    "wagtailadmin_tag_autocomplete": "login login login 200 200 200 200 200",
    "wagtailadmin_tag_model_autocomplete": "login login login 404 404 404 404 404",
    "wagtailadmin_collections:index": "login login login home home home home home",
    "wagtailadmin_collections:add": "login login login home home home home home",
    "wagtailadmin_collections:edit": "login login login home home home home home",
    "wagtailadmin_collections:delete": "login login login 404 404 404 404 404",
    "wagtailadmin_collections:set_privacy": "login login login home home home home home",
    "wagtailadmin_workflows:index": "login login login home home home home 200",
    "wagtailadmin_workflows:index_results": "login login login home home home home 200",
    "wagtailadmin_workflows:add": "login login login home home home home 200",
    "wagtailadmin_workflows:enable": "login login login 405 405 405 405 405",
    "wagtailadmin_workflows:disable": "login login login home home home home 200",
    "wagtailadmin_workflows:edit": "login login login home home home home 200",
    "wagtailadmin_workflows:usage": "login login login home home home home 200",
    "wagtailadmin_workflows:usage_results": "login login login home home home home 200",
    "wagtailadmin_workflows:remove": "login login login 405 405 405 405 405",
    "wagtailadmin_workflows:add_task": "login login login 404 404 404 404 404",
    "wagtailadmin_workflows:select_task_type": "login login login home home home home redirect",
    "wagtailadmin_workflows:task_index": "login login login home home home home 200",
    "wagtailadmin_workflows:task_index_results": "login login login home home home home 200",
    "wagtailadmin_workflows:edit_task": "login login login home home home home 200",
    "wagtailadmin_workflows:disable_task": "login login login home home home home 200",
    "wagtailadmin_workflows:enable_task": "login login login 405 405 405 405 405",
    "wagtailadmin_workflows:task_chooser": "login login login 200 200 200 200 200",
    "wagtailadmin_workflows:task_chooser_results": "login login login 200 200 200 200 200",
    "wagtailadmin_workflows:task_chooser_create": "login login login 200 200 200 200 200",
    "wagtailadmin_workflows:task_chosen": "login login login 200 200 200 200 200",
    "wagtailadmin_reports:locked_pages": "login login login home home home home 200",
    "wagtailadmin_reports:locked_pages_results": "login login login home home home home 200",
    "wagtailadmin_reports:workflow": "login login login 200 200 home home 200",
    "wagtailadmin_reports:workflow_results": "login login login 200 200 home home 200",
    "wagtailadmin_reports:workflow_tasks": "login login login 200 200 home home 200",
    "wagtailadmin_reports:workflow_tasks_results": "login login login 200 200 home home 200",
    "wagtailadmin_reports:site_history": "login login login home home home home 200",
    "wagtailadmin_reports:site_history_results": "login login login home home home home 200",
    "wagtailadmin_reports:aging_pages": "login login login 200 200 home home 200",
    "wagtailadmin_reports:aging_pages_results": "login login login 200 200 home home 200",
    "wagtailadmin_reports:page_types_usage": "login login login 200 200 home home 200",
    "wagtailadmin_reports:page_types_usage_results": "login login login 200 200 home home 200",
    "wagtailadmin_account": "login login login 200 200 200 200 200",
    "wagtailadmin_logout": "login login login 405 405 405 405 405",
    "wagtailadmin_dismissibles": "login login login 200 200 200 200 200",
    "wagtailadmin_editing_sessions:ping": "login login login 405 405 405 405 405",
    "wagtailadmin_editing_sessions:release": "login login login 405 405 405 405 405",
    "wagtailadmin_block_preview": "login login login 404 404 404 404 404",
    "enrollment:roster_upload": "login login login home home 200 404 200",
    "enrollment:roster_preview": "login login login home home 200 404 200",
    "enrollment:roster_status": "login login login home home 200 404 200",
    "enrollment:roster_errors": "login login login home home 200 404 200",
    "enrollment:offering_export": "login login login home home 200 404 200",
    "enrollment:participants_export": "login login login home home 200 200 200",
    "enrollment:plan_import": "login login login home home 200 200 200",
    "enrollment:plan_template": "login login login home home 200 200 200",
    "enrollment:organizations_import": "login login login home home 200 200 200",
    "enrollment:organizations_export": "login login login home home 200 200 200",
    "enrollment:products_import": "login login login home home 200 200 200",
    "enrollment:products_export": "login login login home home 200 200 200",
    "attendance:offering": "login login login 200 404 200 404 200",
    "attendance:signin_sheet": "login login login 200 404 200 404 200",
    "attendance:signin_sheet_xlsx": "login login login 200 404 200 404 200",
    "attendance:signin_sheet_upload": "login login login 200 404 200 404 200",
    "attendance:sheet": "login login login 200 404 200 404 200",
    "attendance:close": "login login login redirect 404 redirect 404 redirect",
    "attendance:screen": "login login login 200 404 200 404 200",
    "certificates:offering": "login login login home home 200 404 200",
    "certificates:offering_status": "login login login home home 200 404 200",
    "certificates:offering_print": "login login login home home 200 404 200",
    "certificates:offering_register": "login login login home home 200 404 200",
    "certificates:register": "login login login home home 200 200 200",
    "certificates:register_export": "login login login home home 200 200 200",
    "wagtailforms:index": "login login login 200 200 home home 200",
    "wagtailforms:index_results": "login login login 200 200 home home 200",
    "wagtailforms:list_submissions": "login login login 404 404 404 404 404",
    "wagtailforms:list_submissions_results": "login login login 404 404 404 404 404",
    "wagtailforms:delete_submissions": "login login login home home home home home",
    "wagtailredirects:index": "login login login home home home home 200",
    "wagtailredirects:index_results": "login login login home home home home 200",
    "wagtailredirects:add": "login login login home home home home 200",
    "wagtailredirects:edit": "login login login home home home home 200",
    "wagtailredirects:delete": "login login login home home home home 200",
    "wagtailredirects:start_import": "login login login home home home home 200",
    "wagtailredirects:process_import": "login login login home home home home 405",
    "wagtailembeds:chooser": "login login login 200 200 200 200 200",
    "wagtailembeds:chooser_upload": "login login login 200 200 200 200 200",
    "wagtailsnippets:index": "login login login home home home home home",
    "wagtaildocs:index": "login login login 200 200 home home 200",
    "wagtaildocs:index_results": "login login login 200 200 home home 200",
    "wagtaildocs:add": "login login login 200 200 home home 200",
    "wagtaildocs:edit": "login login login home home home home 200",
    "wagtaildocs:delete": "login login login home home home home 200",
    "wagtaildocs:add_multiple": "login login login 200 200 home home 200",
    "wagtaildocs:edit_multiple": "login login login 405 405 405 405 405",
    "wagtaildocs:create_multiple_from_uploaded_document": "login login login 405 405 405 405 405",
    "wagtaildocs:delete_multiple": "login login login 405 405 405 405 405",
    "wagtaildocs:delete_upload_multiple": "login login login 405 405 405 405 405",
    "wagtaildocs:document_usage": "login login login home home home home 200",
    "wagtailimages:index": "login login login 200 200 home home 200",
    "wagtailimages:index_results": "login login login 200 200 home home 200",
    "wagtailimages:edit": "login login login home home home home 200",
    "wagtailimages:delete": "login login login home home home home 200",
    "wagtailimages:url_generator": "login login login 404 404 home home 404",
    "wagtailimages:url_generator_output": "login login login 404 404 home home 404",
    "wagtailimages:preview": "login login login home home home home 200",
    "wagtailimages:add": "login login login 200 200 home home 200",
    "wagtailimages:image_usage": "login login login home home home home 200",
    "wagtailimages:add_multiple": "login login login 200 200 home home 200",
    "wagtailimages:edit_multiple": "login login login 405 405 405 405 405",
    "wagtailimages:create_multiple_from_uploaded_image": "login login login 405 405 405 405 405",
    "wagtailimages:delete_multiple": "login login login 405 405 405 405 405",
    "wagtailimages:delete_upload_multiple": "login login login 405 405 405 405 405",
    "wagtailsnippets_certificates_certificatetemplate:list": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:list_results": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:add": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:edit": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:delete": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:usage": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:history": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:history_results": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:copy": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:preview_on_add": "login login login home home home home 200",
    "wagtailsnippets_certificates_certificatetemplate:preview_on_edit": "login login login home home home home 200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:choose": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:choose_results": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:chosen": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:chosen_multiple": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_certificates_certificatetemplate:create": "login login login 404 404 404 404 404",
    "wagtailsnippets_feedback_surveytemplate:list": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:list_results": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:add": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:edit": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:delete": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:usage": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:history": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:history_results": "login login login home home home home 200",
    "wagtailsnippets_feedback_surveytemplate:copy": "login login login home home home home 200",
    "wagtailsnippetchoosers_feedback_surveytemplate:choose": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_feedback_surveytemplate:choose_results": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_feedback_surveytemplate:chosen": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_feedback_surveytemplate:chosen_multiple": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_feedback_surveytemplate:create": "login login login 404 404 404 404 404",
    # Surveys: organizers of the unit and administrators; a trainer reads their offering's results page (its
    # figures from five answers: class A has one, so its XLSX is a 404 to them) and their own results.
    "feedback:offering": "login login login home home 200 404 200",
    "feedback:results": "login login login 200 404 200 404 200",
    "feedback:results_xlsx": "login login login 404 404 200 404 200",
    "feedback:print": "login login login home home 200 404 200",
    "feedback:paper": "login login login home home 200 404 200",
    "feedback:trainer": "login login login 200 404 200 404 200",
    "feedback:report": "login login login home home 200 200 200",
    "feedback:report_xlsx": "login login login home home 200 200 200",
    "dashboard:index": "login login login home home 200 200 200",
    "dashboard:export": "login login login home home 200 200 200",
    "targets:index": "login login login home home home home 200",
    "targets:index_results": "login login login home home home home 200",
    "targets:add": "login login login home home home home 200",
    "targets:edit": "login login login home home home home 200",
    "targets:delete": "login login login home home home home 200",
    "targets:history": "login login login home home home home 200",
    "targets:history_results": "login login login home home home home 200",
    "targets:usage": "login login login home home home home 200",
    "targets:copy": "login login login home home home home 200",
    "courses:item_analysis": "login login login 200 home home home 200",
    "courses:item_analysis_xlsx": "login login login 200 home home home 200",
    "wagtailsnippets_courses_questionbank:list": "login login login 200 200 home home 200",
    "wagtailsnippets_courses_questionbank:list_results": "login login login 200 200 home home 200",
    "wagtailsnippets_courses_questionbank:add": "login login login 200 200 home home 200",
    "wagtailsnippets_courses_questionbank:edit": "login login login 200 404 404 404 200",
    "wagtailsnippets_courses_questionbank:delete": "login login login 200 404 404 404 200",
    "wagtailsnippets_courses_questionbank:usage": "login login login 200 404 404 404 200",
    "wagtailsnippets_courses_questionbank:history": "login login login 200 404 404 404 200",
    "wagtailsnippets_courses_questionbank:history_results": "login login login 200 404 404 404 200",
    "wagtailsnippetchoosers_courses_questionbank:choose": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_courses_questionbank:choose_results": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_courses_questionbank:chosen": "login login login 200 404 404 404 200",
    "wagtailsnippetchoosers_courses_questionbank:chosen_multiple": "login login login 200 200 200 200 200",
    "wagtailsnippetchoosers_courses_questionbank:create": "login login login 404 404 404 404 404",
    "course_access:index": "login login login home home home home 200",
    "course_access:index_results": "login login login home home home home 200",
    "course_access:add": "login login login home home home home 200",
    "course_access:edit": "login login login home home home home 200",
    "course_access:delete": "login login login home home home home 200",
    "course_access:history": "login login login home home home home 200",
    "course_access:history_results": "login login login home home home home 200",
    "course_access:usage": "login login login home home home home 200",
    "course_access:copy": "login login login home home home home 200",
    "offerings:index": "login login login home home 200 200 200",
    "offerings:index_results": "login login login home home 200 200 200",
    "offerings:add": "login login login home home 200 200 200",
    "offerings:edit": "login login login home home 200 404 200",
    "offerings:delete": "login login login 404 404 home 404 200",
    "offerings:history": "login login login 404 404 200 404 200",
    "offerings:history_results": "login login login 404 404 200 404 200",
    "offerings:usage": "login login login 404 404 200 404 200",
    "offerings:inspect": "login login login 404 404 200 404 200",
    "enrollments:index": "login login login home home 200 200 200",
    "enrollments:index_results": "login login login home home 200 200 200",
    "enrollments:add": "login login login home home 200 200 200",
    "enrollments:edit": "login login login home home 200 404 200",
    "enrollments:delete": "login login login 404 404 home 404 200",
    "enrollments:history": "login login login 404 404 200 404 200",
    "enrollments:history_results": "login login login 404 404 200 404 200",
    "enrollments:usage": "login login login 404 404 200 404 200",
    "participants:index": "login login login home home 200 200 200",
    "participants:index_results": "login login login home home 200 200 200",
    "participants:add": "login login login home home 200 200 200",
    "participants:edit": "login login login home home 200 404 200",
    "participants:delete": "login login login 404 404 home 404 200",
    "participants:history": "login login login 404 404 200 404 200",
    "participants:history_results": "login login login 404 404 200 404 200",
    "participants:usage": "login login login 404 404 200 404 200",
    "participants:inspect": "login login login 404 404 200 404 200",
    "participants:merge": "login login login home home 200 404 200",
    "organizations:index": "login login login home home 200 200 200",
    "organizations:index_results": "login login login home home 200 200 200",
    "organizations:add": "login login login home home 200 200 200",
    "organizations:edit": "login login login home home 200 404 200",
    "organizations:delete": "login login login 404 404 home 404 200",
    "organizations:history": "login login login 404 404 200 404 200",
    "organizations:history_results": "login login login 404 404 200 404 200",
    "organizations:usage": "login login login 404 404 200 404 200",
    "ocop_products:index": "login login login home home 200 200 200",
    "ocop_products:index_results": "login login login home home 200 200 200",
    "ocop_products:add": "login login login home home 200 200 200",
    "ocop_products:edit": "login login login home home 200 404 200",
    "ocop_products:delete": "login login login 404 404 home 404 200",
    "ocop_products:history": "login login login 404 404 200 404 200",
    "ocop_products:history_results": "login login login 404 404 200 404 200",
    "ocop_products:usage": "login login login 404 404 200 404 200",
    "units:index": "login login login home home 200 200 200",
    "units:index_results": "login login login home home 200 200 200",
    "units:add": "login login login home home home home home",
    "units:edit": "login login login home home home home home",
    "units:delete": "login login login 404 404 home 404 home",
    "units:history": "login login login 404 404 home 404 home",
    "units:history_results": "login login login 404 404 home 404 home",
    "units:usage": "login login login 404 404 home 404 home",
    "units:inspect": "login login login 404 404 200 404 200",
    "sessions:index": "login login login 200 200 200 200 200",
    "sessions:index_results": "login login login 200 200 200 200 200",
    "sessions:add": "login login login home home 200 200 200",
    "sessions:edit": "login login login home home 200 404 200",
    "sessions:delete": "login login login 404 404 200 404 200",
    "sessions:history": "login login login 404 404 200 404 200",
    "sessions:history_results": "login login login 404 404 200 404 200",
    "sessions:usage": "login login login 404 404 200 404 200",
    "wagtailsites:index": "login login login home home home home 200",
    "wagtailsites:index_results": "login login login home home home home 200",
    "wagtailsites:add": "login login login home home home home 200",
    "wagtailsites:edit": "login login login home home home home 200",
    "wagtailsites:delete": "login login login home home home home 200",
    "wagtailsites:history": "login login login home home home home 200",
    "wagtailsites:history_results": "login login login home home home home 200",
    "wagtailsites:usage": "login login login home home home home 200",
    "wagtailsites:copy": "login login login home home home home 200",
    "wagtailusers_users:index": "login login login home home home home 200",
    "wagtailusers_users:index_results": "login login login home home home home 200",
    "wagtailusers_users:add": "login login login home home home home 200",
    "wagtailusers_users:edit": "login login login home home home home 200",
    "wagtailusers_users:delete": "login login login home home home home 200",
    "wagtailusers_users:history": "login login login home home home home 200",
    "wagtailusers_users:history_results": "login login login home home home home 200",
    "wagtailusers_users:usage": "login login login home home home home 200",
    "wagtailusers_users:copy": "login login login home home home home 200",
    "wagtailusers_groups:index": "login login login home home home home 200",
    "wagtailusers_groups:index_results": "login login login home home home home 200",
    "wagtailusers_groups:add": "login login login home home home home 200",
    "wagtailusers_groups:edit": "login login login home home home home 200",
    "wagtailusers_groups:delete": "login login login home home home home 200",
    "wagtailusers_groups:history": "login login login home home home home 200",
    "wagtailusers_groups:history_results": "login login login home home home home 200",
    "wagtailusers_groups:usage": "login login login home home home home 200",
    "wagtaildocs_chooser:choose": "login login login 200 200 200 200 200",
    "wagtaildocs_chooser:choose_results": "login login login 200 200 200 200 200",
    "wagtaildocs_chooser:chosen": "login login login 200 200 home home 200",
    "wagtaildocs_chooser:chosen_multiple": "login login login 200 200 200 200 200",
    "wagtaildocs_chooser:create": "login login login 200 200 home home 200",
    "wagtailimages_chooser:choose": "login login login 200 200 200 200 200",
    "wagtailimages_chooser:choose_results": "login login login 200 200 200 200 200",
    "wagtailimages_chooser:chosen": "login login login 200 200 home home 200",
    "wagtailimages_chooser:chosen_multiple": "login login login 200 200 200 200 200",
    "wagtailimages_chooser:create": "login login login 200 200 home home 200",
    "wagtailimages_chooser:select_format": "login login login 200 200 home home 200",
    "wagtailadmin_sprite": "200 200 200 200 200 200 200 200",
    "wagtailadmin_login": "login login login login login login login login",
    "wagtailadmin_password_reset": "404 404 404 404 404 404 404 404",
    "wagtailadmin_password_reset_done": "404 404 404 404 404 404 404 404",
    "wagtailadmin_password_reset_confirm": "404 404 404 404 404 404 404 404",
    "wagtailadmin_password_reset_complete": "404 404 404 404 404 404 404 404",
    "wagtailadmin_javascript_catalog": "200 200 200 200 200 200 200 200",
    "admin/^.*/$": "redirect redirect redirect 404 404 404 404 404",
    "wagtaildocs_serve": "200 200 200 200 200 200 200 200",
    "wagtaildocs_authenticate_with_password": "404 404 404 404 404 404 404 404",
    "account_login": "200 200 200 200 200 200 200 200",
    "account_logout": "redirect 200 200 200 200 200 200 200",
    "account_inactive": "200 200 200 200 200 200 200 200",
    "account_signup": "200 200 200 200 200 200 200 200",
    "account_reauthenticate": "login 200 200 200 200 200 200 200",
    "account_request_reauthentication_code": "login 200 200 200 200 200 200 200",
    "account_confirm_reauthentication_code": "login redirect redirect redirect redirect redirect redirect redirect",
    "account_email": "login 200 200 200 200 200 200 200",
    "account_email_verification_sent": "200 200 200 200 200 200 200 200",
    "account_change_password": "login 200 200 200 200 200 200 200",
    "account_set_password": "login redirect redirect redirect redirect redirect redirect redirect",
    "account_reset_password": "200 200 200 200 200 200 200 200",
    # Signed in already: sent where a login lands (staff: the admin's home; accounts/adapter.py).
    "account_confirm_login_code": "login redirect redirect home home home home home",
    "account_confirm_email": "200 200 200 200 200 200 200 200",
    "account_reset_password_from_key_done": "200 200 200 200 200 200 200 200",
    "account_reset_password_from_key": "200 200 200 200 200 200 200 200",
    "account_reset_password_done": "200 200 200 200 200 200 200 200",
    "set_language": "redirect redirect redirect redirect redirect redirect redirect redirect",
    "my_classes": "login 200 200 200 200 200 200 200",
    "offering_detail": "200 200 200 200 200 200 200 200",
    "offering_register": "405 405 405 405 405 405 405 405",
    "offering_cancel": "405 405 405 405 405 405 405 405",
    "my_learning": "login 200 200 200 200 200 200 200",
    "checkin_code": "200 200 200 200 200 200 200 200",
    "certificate_download": "404 200 404 404 404 200 404 200",
    "certificate_verify_form": "200 200 200 200 200 200 200 200",
    "certificate_verify": "200 200 200 200 200 200 200 200",
    "certificate_badge": "200 200 200 200 200 200 200 200",
    "checkin": "200 200 200 200 200 200 200 200",
    # A learner's own class's survey (the learner has answered it: the page says so); nobody else's.
    "survey": "login 200 200 404 404 404 404 404",
    "wagtailcore_authenticate_with_password": "404 404 404 404 404 404 404 404",
    "wagtailcore_login": "200 200 200 200 200 200 200 200",
    "wagtail_serve": "login 200 200 200 200 200 200 200",
}

POST = {
    "ops:jobs": "login login login home home home home redirect",
    "wagtailadmin_api:pages:action": "login login login 404 404 404 404 404",
    "wagtailadmin_pages:set_page_position": "login login login home home home home 200",
    "wagtailadmin_pages:lock": "login login login home home home home redirect",
    "wagtailadmin_pages:unlock": "login login login home home home home redirect",
    "wagtailadmin_workflows:enable": "login login login home home home home redirect",
    "wagtailadmin_workflows:remove": "login login login home home home home redirect",
    "wagtailadmin_workflows:enable_task": "login login login home home home home redirect",
    "wagtailadmin_logout": "login login login login login login login login",
    "wagtailadmin_editing_sessions:ping": "login login login 200 404 404 404 200",
    "wagtailadmin_editing_sessions:release": "login login login 200 200 200 200 200",
    "wagtailredirects:process_import": "login login login home home home home raises",
    "wagtaildocs:edit_multiple": "login login login home home home home 200",
    "wagtaildocs:create_multiple_from_uploaded_document": "login login login 404 404 404 404 404",
    "wagtaildocs:delete_multiple": "login login login home home home home 200",
    "wagtaildocs:delete_upload_multiple": "login login login 404 404 404 404 404",
    "wagtailimages:edit_multiple": "login login login home home home home 200",
    "wagtailimages:create_multiple_from_uploaded_image": "login login login 404 404 404 404 404",
    "wagtailimages:delete_multiple": "login login login home home home home 200",
    "wagtailimages:delete_upload_multiple": "login login login 404 404 404 404 404",
    "offering_register": "login redirect redirect redirect redirect redirect redirect redirect",
    "offering_cancel": "login redirect redirect 404 404 404 404 404",
    "wagtailadmin_pages:move_confirm": "login login login home home home home redirect",
}
# fmt: on

# Whom each role must never see. The learner's certificate, verified by its code, names its holder:
# that is the point of verification (VERIFIED_PUBLICLY).
EVERYONE = {LEARNER, OTHER_LEARNER, PERSON_B}
PRIVATE = {
    "anonymous": EVERYONE,
    "learner": {OTHER_LEARNER, PERSON_B},
    "other_learner": {LEARNER, PERSON_B},
    "trainer": {PERSON_B},
    "other_trainer": {LEARNER, OTHER_LEARNER},
    "organizer_a": {PERSON_B},
    "organizer_b": {LEARNER, OTHER_LEARNER},
    "administrator": set(),
}
VERIFIED_PUBLICLY = {"certificate_verify": {LEARNER}, "certificate_badge": {LEARNER}}
REFUSED = {"login", "home", 403, 404, 405}


class _UndoError(Exception):
    pass


def _visit(client, user, method, url):
    """Request `url` as `user` and undo whatever it wrote: (answer, text shown, statements that wrote)."""
    result = []
    try:
        with transaction.atomic():
            if user is not None:
                client.force_login(user)
            with CaptureQueriesContext(connection) as queries:
                answer, response = _request(client, method, url)
            text = _text(response) if answer == 200 and method == "get" else ""
            result.append((answer, text, _writes(queries)))
            raise _UndoError
    except _UndoError:
        pass
    cache.clear()  # rate limits and throttles
    return result[0]


# Writes a refused request may make: its session, and the admin's per-user preferences row.
BOOKKEEPING = ("django_session", "wagtailusers_userprofile")


def _writes(queries) -> list[str]:
    statements = [query["sql"] for query in queries]
    return [
        sql
        for sql in statements
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and not any(table in sql for table in BOOKKEEPING)
    ]


def _text(response) -> str:
    """What a person could read in the response, whatever its form: an HTML page, JSON (Wagtail's
    choosers and modals escape every non-ASCII letter as \\uXXXX), a spreadsheet, a PDF or a PNG (their
    text and document properties), as NFC with HTML entities decoded."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":
        text = _xlsx_text(body)
    elif body[:5] == b"%PDF-":
        text = _pdf_text(body)
    elif body[:8] == b"\x89PNG\r\n\x1a\n":
        text = " ".join(Image.open(io.BytesIO(body)).text.values())
    else:
        text = body.decode("utf-8", errors="replace")
        try:
            text = " ".join(_strings(json.loads(text)))
        except ValueError:
            pass
    return unicodedata.normalize("NFC", html.unescape(text))


def _pdf_text(body: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(body))
        properties = [str(value) for value in (reader.metadata or {}).values()]
        return " ".join([*properties, *(page.extract_text() for page in reader.pages)])
    except PyPdfError:  # not a real PDF (the world's document is a stub): read it as bytes
        return body.decode("utf-8", errors="replace")


def _xlsx_text(body: bytes) -> str:
    try:
        workbook = load_workbook(io.BytesIO(body), read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError):
        return ""
    return " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    else:
        yield str(value)


def _expected(table, key):
    return [token if not token.isdigit() else int(token) for token in table[key].split()]


def _request(client, method, url):
    try:
        response = getattr(client, method)(url)
    except Exception:  # noqa: BLE001 - the table says which URL may raise
        return "raises", None
    return outcome(response), response


@pytest.fixture
def world(db):
    return world_build()


def test_every_url_the_project_serves_has_a_row_and_every_row_a_url():
    served = {route.key for route in routes()}
    assert sorted(served - GET.keys()) == [], "URLs without a row in GET"
    assert sorted(GET.keys() - served) == [], "rows for URLs the project no longer serves"
    assert sorted(POST.keys() - served) == []
    assert all(len(row.split()) == len(ROLES) for row in [*GET.values(), *POST.values()])


@pytest.mark.parametrize("role", ROLES)
def test_each_url_answers_each_role_as_the_table_says(world, role):
    user, column = world.users[role], ROLES.index(role)
    client = Client(raise_request_exception=True)
    wrong, leaks, refused_post_wrote = [], [], []
    for route in routes():
        url = url_of(route, world)
        expected = _expected(GET, route.key)[column]
        answer, text, _writes = _visit(client, user, "get", url)
        if answer != expected:
            wrong.append(f"GET {route.key} {url}: {answer}, the table says {expected}")
        hidden = PRIVATE[role] - VERIFIED_PUBLICLY.get(route.key, set())
        leaks += [f"{route.key} {url} shows {name}" for name in sorted(hidden) if name in text]

        if route.key in POST:
            expected = _expected(POST, route.key)[column]
            answer, _text, _writes = _visit(client, user, "post", url)
            if answer != expected:
                wrong.append(f"POST {route.key} {url}: {answer}, the table says {expected}")
        elif expected in REFUSED and expected != 405:
            answer, _text, writes = _visit(client, user, "post", url)
            if answer not in REFUSED or writes:
                refused_post_wrote.append(f"POST {route.key} {url}: {answer}, wrote {writes}")
    assert {"wrong answers": wrong, "names shown": leaks, "refused POSTs that wrote": refused_post_wrote} == {
        "wrong answers": [], "names shown": [], "refused POSTs that wrote": [],
    }  # fmt: skip
