#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The contract checks themselves: the merge catches clashes, the validator passes what the
contract allows and fails every kind of deliberately wrong response."""

import email.message
import json
import os
import shutil
import sys
import tempfile
import textwrap
import unittest

import yaml

sys.dont_write_bytecode = True  # no __pycache__ in the source tree (tests/check-spdx.sh sees untracked files)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openapi_check import Contract, ContractError, _is_date_time, _merge_module  # noqa: E402

SOURCE_ROOT = os.environ.get("PD_SOURCE_ROOT") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

# A small area written the way the real fragments are, on top of the real shared components.
FRAGMENT = textwrap.dedent("""\
    # SPDX-License-Identifier: GPL-3.0-or-later
    paths:
      /api/v1/widgets:
        get:
          operationId: listWidgets
          tags: [organizations]
          summary: Widgets
          parameters:
            - $ref: '#/components/parameters/Limit'
            - $ref: '#/components/parameters/Cursor'
          responses:
            '200':
              description: A page.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/WidgetList'}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
        post:
          operationId: createWidget
          tags: [organizations]
          summary: New widget
          responses:
            '201':
              description: Created.
              headers:
                ETag: {$ref: '#/components/headers/ETag'}
                Location: {$ref: '#/components/headers/Location'}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Widget'}
            '422': {$ref: '#/components/responses/Unprocessable'}
      /api/v1/widgets/{widget_id}:
        get:
          operationId: getWidget
          tags: [organizations]
          summary: One widget
          parameters:
            - {name: widget_id, in: path, required: true, schema: {type: string}}
          responses:
            '200':
              description: The widget.
              headers:
                ETag: {$ref: '#/components/headers/ETag'}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Widget'}
            '403': {$ref: '#/components/responses/Forbidden'}
            '404': {$ref: '#/components/responses/NotFound'}
        delete:
          operationId: deleteWidget
          tags: [organizations]
          summary: Delete a widget
          parameters:
            - {name: widget_id, in: path, required: true, schema: {type: string}}
            - $ref: '#/components/parameters/IfMatch'
          responses:
            '204': {description: Deleted.}
            '412': {$ref: '#/components/responses/PreconditionFailed'}
            '428': {$ref: '#/components/responses/PreconditionRequired'}
      /api/v1/widgets/export:
        get:
          operationId: exportWidgets
          tags: [organizations]
          summary: Widgets as CSV
          responses:
            200:
              description: CSV.
              content:
                text/csv: {schema: {type: string}}
            4XX:
              description: Any client error.
              content:
                application/problem+json:
                  schema: {$ref: '#/components/schemas/Problem'}
      /api/v1/gadgets/{gadget_id}:
        get:
          operationId: getGadget
          tags: [organizations]
          summary: One gadget
          parameters:
            - {name: gadget_id, in: path, required: true, schema: {type: string}}
          responses:
            '200':
              description: The gadget.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Gadget'}
            '404': {$ref: '#/components/responses/NotFound'}
      /oauth/authorize:
        get:
          operationId: authorize
          tags: [auth]
          summary: Sign-in page
          security: []
          responses:
            '200':
              description: The page.
              content:
                text/html: {schema: {type: string}}
    components:
      schemas:
        Widget:
          type: object
          additionalProperties: false
          required: [id, name, size, owner_email, created_at, etag, note]
          properties:
            id: {type: string}
            name: {type: string}
            size: {type: integer, minimum: 0}
            owner_email: {type: string, format: email}
            created_at: {$ref: '#/components/schemas/Timestamp'}
            etag: {$ref: '#/components/schemas/Etag'}
            note: {type: [string, 'null']}
        WidgetList:
          allOf:
            - $ref: '#/components/schemas/ListMeta'
            - type: object
              properties:
                items:
                  type: array
                  items: {$ref: '#/components/schemas/Widget'}
        Part:
          type: object
          required: [id, size]
          properties:
            id: {type: string}
            size: {type: integer, minimum: 0}
            default: {$ref: '#/components/schemas/Timestamp'}  # named like a keyword
        Gadget:
          allOf:
            - $ref: '#/components/schemas/Part'
            - type: object
              properties:
                colour: {type: string}
          unevaluatedProperties: false
    """)

JSON = {"Content-Type": "application/json; charset=utf-8"}
PROBLEM = {"Content-Type": "application/problem+json"}
T = "2025-03-01T09:30:00.123456Z"


def widget(**changes):
    w = {"id": "wdg_1", "name": "Dial", "size": 3, "owner_email": "ana@example.com",
         "created_at": T, "etag": '"wdg_1.2"', "note": None}
    w.update(changes)
    return w


def page(*items, **changes):
    p = {"items": list(items), "next_cursor": None, "deleted": [], "server_time": T}
    p.update(changes)
    return p


def problem(status, **extra):
    return dict({"type": "https://partnerdesk.example/problems/x", "title": "X", "status": status,
                 "detail": "Something."}, **extra)


def body(value):
    return json.dumps(value).encode()


class ContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A throw-away source tree: the real main document and merge script plus FRAGMENT.
        cls.tmp = tempfile.mkdtemp()
        for part in ("docs/portal-api.yaml", "build-aux/merge-openapi.py"):
            os.makedirs(os.path.join(cls.tmp, os.path.dirname(part)), exist_ok=True)
            shutil.copy(os.path.join(SOURCE_ROOT, part), os.path.join(cls.tmp, part))
        # Only the real document's shared components: FRAGMENT brings its own paths.
        main = os.path.join(cls.tmp, "docs", "portal-api.yaml")
        with open(main) as f:
            document = yaml.safe_load(f)
        document["paths"] = {}
        with open(main, "w") as f:
            yaml.safe_dump(document, f, sort_keys=False, allow_unicode=True)
        os.makedirs(os.path.join(cls.tmp, "docs", "portal-api.d"))
        with open(os.path.join(cls.tmp, "docs", "portal-api.d", "widgets.yaml"), "w") as f:
            f.write(FRAGMENT)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def setUp(self):
        self.contract = Contract(self.tmp)

    def ok(self, *args, **kwargs):
        return self.contract.validate(*args, **kwargs)

    def bad(self, fragment_of_message, *args, **kwargs):
        with self.assertRaises(ContractError) as cm:
            self.contract.validate(*args, **kwargs)
        self.assertIn(fragment_of_message, str(cm.exception))
        return str(cm.exception)

    # -- what the contract allows -----------------------------------------------------------

    def test_correct_responses_pass(self):
        etag = {"ETag": '"wdg_1.2"', **JSON}
        self.assertEqual(self.ok("GET", "/api/v1/widgets?limit=2&cursor=x", 200, JSON, body(page(widget(), widget(id="wdg_2")))),
                         "GET /api/v1/widgets")
        self.ok("GET", "/api/v1/widgets?updated_since=x", 200, JSON,
                body(page(deleted=[{"id": "wdg_9", "deleted_at": T}], next_cursor="abc")))
        self.ok("GET", "/api/v1/widgets/wdg_1", 200, etag, body(widget(note="hello")))
        self.ok("POST", "/api/v1/widgets", 201, {"Location": "/api/v1/widgets/wdg_1", **etag}, body(widget()))
        self.ok("DELETE", "/api/v1/widgets/wdg_1", 204, {}, b"")
        self.ok("GET", "/api/v1/widgets/wdg_7", 404, PROBLEM, body(problem(404, instance=None)))
        self.ok("GET", "/api/v1/widgets/wdg_7", 403, PROBLEM, body(problem(403, permission="widgets.read")))
        self.ok("POST", "/api/v1/widgets", 422, PROBLEM,
                body(problem(422, errors=[{"field": "name", "code": "required", "message": "Needed."}])))
        self.ok("GET", "/api/v1/widgets", 429, {"Retry-After": "3", **PROBLEM}, body(problem(429)))
        self.ok("GET", "/api/v1/widgets", 401, {"www-authenticate": "Bearer", **PROBLEM}, body(problem(401)))
        self.ok("GET", "/oauth/authorize?client_id=x", 200, {"Content-Type": "text/html; charset=utf-8"}, b"<html>")

    def test_headers_as_pairs_or_message_and_body_as_text(self):
        self.ok("GET", "/api/v1/widgets/wdg_1", 200, [("etag", '"wdg_1.2"'), ("content-type", "application/json")],
                json.dumps(widget()))
        message = email.message.Message()
        message["Etag"] = '"wdg_1.2"'
        message["Content-Type"] = "application/json"
        self.ok("GET", "/api/v1/widgets/wdg_1", 200, message, body(widget()))

    def test_literal_segments_win_and_status_ranges(self):
        # /widgets/export is not /widgets/{widget_id}: a CSV body is right there, and 4XX covers a 400.
        self.assertEqual(self.ok("GET", "/api/v1/widgets/export", 200, {"Content-Type": "text/csv"}, b"id\nwdg_1\n"),
                         "GET /api/v1/widgets/export")
        self.ok("GET", "/api/v1/widgets/export", 400, PROBLEM, body(problem(400)))
        self.bad("status 500 is not documented", "GET", "/api/v1/widgets/export", 500, PROBLEM, body(problem(500)))

    # -- what it does not -------------------------------------------------------------------

    def test_wrong_type(self):
        message = self.bad("'3' is not of type 'integer'", "GET", "/api/v1/widgets", 200, JSON, body(page(widget(), widget(size="3"))))
        self.assertIn("$.items[1].size", message)
        self.assertIn("GET /api/v1/widgets → 200", message)

    def test_missing_required_member(self):
        w = widget()
        del w["note"]  # absent values are null, never missing
        self.bad("'note' is a required property", "GET", "/api/v1/widgets/wdg_1", 200, {"ETag": '"wdg_1.2"', **JSON}, body(w))
        self.bad("'server_time' is a required property", "GET", "/api/v1/widgets", 200, JSON,
                 body({"items": [], "next_cursor": None, "deleted": []}))
        self.bad("'permission' is a required property", "GET", "/api/v1/widgets/wdg_7", 403, PROBLEM, body(problem(403)))
        self.bad("'errors' is a required property", "POST", "/api/v1/widgets", 422, PROBLEM, body(problem(422)))

    def test_extra_property(self):
        self.bad("Additional properties are not allowed", "GET", "/api/v1/widgets/wdg_1", 200,
                 {"ETag": '"wdg_1.2"', **JSON}, body(widget(colour="red")))
        self.bad("'total' was unexpected", "GET", "/api/v1/widgets", 200, JSON, body(page(total=3)))
        # unevaluatedProperties closes an allOf; when a member inside fails, that is the report.
        self.ok("GET", "/api/v1/gadgets/gdg_1", 200, JSON, body({"id": "gdg_1", "size": 1, "colour": "red"}))
        self.bad("'shape' was unexpected", "GET", "/api/v1/gadgets/gdg_1", 200, JSON,
                 body({"id": "gdg_1", "size": 1, "shape": "round"}))
        self.bad("is not a 'date-time' at $.default", "GET", "/api/v1/gadgets/gdg_1", 200, JSON,
                 body({"id": "gdg_1", "size": 1, "default": "now"}))
        self.bad("-1 is less than the minimum of 0 at $.size", "GET", "/api/v1/gadgets/gdg_1", 200, JSON,
                 body({"id": "gdg_1", "size": -1, "colour": "red"}))
        self.bad("$.deleted[0]", "GET", "/api/v1/widgets", 200, JSON,
                 body(page(deleted=[{"id": "wdg_9", "deleted_at": T, "why": "x"}])))

    def test_formats(self):
        for value in ("2025-03-01 09:30:00Z", "2025-02-30T09:30:00Z", "2025-03-01T09:30:00", "yesterday"):
            self.bad("is not a 'date-time'", "GET", "/api/v1/widgets/wdg_1", 200, {"ETag": '"wdg_1.2"', **JSON},
                     body(widget(created_at=value)))
        self.bad("is not a 'email'", "GET", "/api/v1/widgets/wdg_1", 200, {"ETag": '"wdg_1.2"', **JSON},
                 body(widget(owner_email="ana at example.com")))
        self.bad("is not a 'uri'", "GET", "/api/v1/widgets/wdg_7", 404, PROBLEM, body(problem(404, type="not-found")))
        for good in ("2025-03-01T09:30:00Z", "2025-03-01t09:30:00.5+02:00", "2016-12-31T23:59:60Z"):
            self.assertTrue(_is_date_time(good), good)
        for wrong in ("2025-03-01T24:00:00Z", "2025-03-01T09:30:00+24:00", "2025-3-1T09:30:00Z"):
            self.assertFalse(_is_date_time(wrong), wrong)

    def test_undocumented_status(self):
        self.bad("status 418 is not documented (documented: 200, 401, 429)", "GET", "/api/v1/widgets", 418, PROBLEM,
                 body(problem(418)))

    def test_wrong_content_type(self):
        self.bad("Content-Type application/json is not documented", "GET", "/api/v1/widgets/wdg_7", 404, JSON,
                 body(problem(404)))
        self.bad("Content-Type text/html is not documented", "GET", "/api/v1/widgets", 200,
                 {"Content-Type": "text/html"}, b"<html>")
        self.bad("no Content-Type", "GET", "/api/v1/widgets", 200, {}, body(page()))

    def test_headers(self):
        self.bad("the required header ETag is missing", "GET", "/api/v1/widgets/wdg_1", 200, JSON, body(widget()))
        self.bad("header ETag", "GET", "/api/v1/widgets/wdg_1", 200, {"ETag": "wdg_1.2", **JSON}, body(widget()))
        self.bad("the required header Location is missing", "POST", "/api/v1/widgets", 201,
                 {"ETag": '"wdg_1.2"', **JSON}, body(widget()))
        self.bad("the required header Retry-After is missing", "GET", "/api/v1/widgets", 429, PROBLEM, body(problem(429)))
        self.bad("header Retry-After is not a number", "GET", "/api/v1/widgets", 429,
                 {"Retry-After": "soon", **PROBLEM}, body(problem(429)))
        self.bad("the required header WWW-Authenticate is missing", "GET", "/api/v1/widgets", 401, PROBLEM,
                 body(problem(401)))

    def test_bodies_that_are_not_what_was_documented(self):
        self.bad("documents no body", "DELETE", "/api/v1/widgets/wdg_1", 204, JSON, b"{}")
        self.bad("empty body", "GET", "/api/v1/widgets", 200, JSON, b"")
        self.bad("not valid JSON", "GET", "/api/v1/widgets", 200, JSON, b'{"items": [')
        self.bad("duplicate key", "GET", "/api/v1/widgets", 200, JSON,
                 b'{"items": [], "items": [], "next_cursor": null, "deleted": [], "server_time": "%s"}' % T.encode())
        self.bad("not valid JSON", "GET", "/api/v1/widgets", 200, JSON, b'{"items": NaN}')

    def test_undocumented_operations(self):
        self.assertIsNone(self.ok("GET", "/api/v1/gadgets", 404, PROBLEM, body(problem(404))))
        self.assertIsNone(self.ok("PATCH", "/api/v1/widgets/wdg_1", 200, JSON, b"{}"))
        self.bad("no such operation", "GET", "/api/v1/gadgets", 404, PROBLEM, body(problem(404)), strict=True)
        self.bad("the path is /api/v1/widgets/{widget_id}, but not this method", "PATCH", "/api/v1/widgets/wdg_1",
                 200, JSON, b"{}", strict=True)
        self.assertIsNone(self.ok("GET", "/api/v1/widgets/", 200, JSON, body(page())))  # not /api/v1/widgets
        self.assertEqual(self.ok("GET", "/api/v1/widgets/a%2Fb", 404, PROBLEM, body(problem(404))),
                         "GET /api/v1/widgets/{widget_id}")
        strict = Contract(document=self.contract.document, strict=True)
        with self.assertRaises(ContractError):
            strict.validate("GET", "/api/v1/widgets/wdg_1/parts", 200, JSON, b"[]")

    def test_coverage(self):
        self.ok("GET", "/api/v1/widgets", 200, JSON, body(page()))
        self.ok("GET", "/api/v1/widgets", 200, JSON, body(page()))
        self.ok("GET", "/api/v1/widgets/wdg_7", 404, PROBLEM, body(problem(404)))
        self.ok("GET", "/api/v1/gadgets", 404, PROBLEM, body(problem(404)))
        with self.assertRaises(ContractError):  # a wrong response still counts as seen
            self.ok("GET", "/api/v1/widgets/wdg_7", 403, PROBLEM, body(problem(403)))
        coverage = self.contract.coverage()
        self.assertEqual(coverage["operations"], {"GET /api/v1/widgets": {"200": 2},
                                                  "GET /api/v1/widgets/{widget_id}": {"404": 1, "403": 1}})
        self.assertIn("POST /api/v1/widgets", coverage["missing"])
        self.assertNotIn("GET /api/v1/widgets", coverage["missing"])
        self.assertEqual(coverage["undocumented"], {"GET /api/v1/gadgets": 1})

    def test_recursive_schema(self):
        document = {**self.contract.document, "paths": {"/tree": {"get": {"responses": {"200": {
            "description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}}}
        document["components"] = {**document["components"], "schemas": {**document["components"]["schemas"], "Node": {
            "type": "object", "required": ["name"], "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}
        contract = Contract(document=document)
        contract.validate("GET", "/tree", 200, JSON, body({"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}))
        with self.assertRaises(ContractError) as cm:
            contract.validate("GET", "/tree", 200, JSON, body({"name": "a", "children": [{"name": "b", "children": [{}]}]}))
        self.assertIn("$.children[0].children[0]", str(cm.exception))

    def test_schemas_compile(self):
        self.contract.check_schemas()
        for schema, message in (({"type": "integr"}, "is not valid under any of the given schemas"),
                                ({"type": "string", "pattern": "("}, "is not a 'regex'")):
            broken = Contract(document={**self.contract.document, "paths": {"/x": {"get": {"responses": {
                "200": {"description": "x", "content": {"application/json": {"schema": schema}}}}}}}})
            with self.assertRaises(ContractError) as cm:
                broken.check_schemas()
            self.assertIn(message, str(cm.exception))
            self.assertIn("GET /x → 200 (body application/json)", str(cm.exception))


class MergeTest(unittest.TestCase):
    def setUp(self):
        self.merge = _merge_module(SOURCE_ROOT).merge
        self.main = {"openapi": "3.1.0", "tags": [{"name": "a"}], "paths": {},
                     "components": {"schemas": {"Shared": {"type": "string"}}}}

    def op(self, **extra):
        return dict({"tags": ["a"], "responses": {"200": {"description": "ok"}}}, **extra)

    def test_fragments_join(self):
        doc, problems = self.merge(self.main, [
            ("one.yaml", {"paths": {"/p": {"get": self.op()}}, "components": {"schemas": {"One": {"$ref": "#/components/schemas/Shared"}}}}),
            ("two.yaml", {"paths": {"/p": {"post": self.op()}}, "components": {"schemas": {"Shared": {"type": "string"}}}}),
        ])
        self.assertEqual(problems, [])
        self.assertEqual(list(doc["paths"]["/p"]), ["get", "post"])
        self.assertEqual(list(doc["components"]["schemas"]), ["Shared", "One"])
        self.assertEqual(self.main["paths"], {}, "the main document is not changed")

    def test_clashes_and_dangling_references(self):
        _, problems = self.merge(self.main, [
            ("one.yaml", {"paths": {"/p": {"get": self.op()}}}),
            ("two.yaml", {"paths": {"/p": {"get": self.op(), "put": self.op(tags=["nope"])}},
                          "components": {"schemas": {"Shared": {"type": "integer"}, "Two": {"$ref": "#/components/schemas/Gone"}}},
                          "info": {}}),
        ])
        expected = ["two.yaml: unknown top-level key 'info' (only paths and components)",
                    "two.yaml: GET /p is already defined in one.yaml",
                    "two.yaml: components/schemas/Shared differs from the one in docs/portal-api.yaml",
                    "/components/schemas/Two: $ref #/components/schemas/Gone points at nothing",
                    "PUT /p: tag 'nope' is not declared in docs/portal-api.yaml"]
        self.assertEqual(problems, expected)


class RealContractTest(unittest.TestCase):
    def test_the_contract_merges_and_its_schemas_compile(self):
        contract = Contract(SOURCE_ROOT)
        self.assertEqual(contract.document["openapi"], "3.1.0")
        contract.check_schemas()


if __name__ == "__main__":
    unittest.main(verbosity=2)
