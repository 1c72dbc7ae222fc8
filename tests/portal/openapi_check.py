# SPDX-License-Identifier: GPL-3.0-or-later
"""Check HTTP responses against the portal API contract (docs/portal-api.yaml + fragments).

    contract = Contract()                      # PD_SOURCE_ROOT or this checkout; load it once
    contract.validate("GET", "/api/v1/me?x=1", 200, headers, body_bytes)   # raises ContractError
    contract.coverage()                        # what was seen, what was never seen

A test harness calls validate() on every response it receives, with the request's method and
target and the response's status, headers and raw body, and lets ContractError fail the test.

Works with Debian 12's python3-jsonschema (4.10) and newer: the compiled schema carries the
document's components, so `$ref: '#/components/...'` resolves without a custom resolver.
"""

import datetime
import importlib.util
import json
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import jsonschema
from jsonschema.exceptions import best_match

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ContractError(AssertionError):
    """A response the contract does not allow."""


def _default_source_root():
    return os.environ.get("PD_SOURCE_ROOT") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def _merge_module(source_root):
    path = os.path.join(source_root, "build-aux", "merge-openapi.py")
    spec = importlib.util.spec_from_file_location("merge_openapi", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Formats. jsonschema checks date-time only with rfc3339-validator, which Debian 12 lacks, so the
# formats the contract uses are checked here.
_DATE_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")


def _is_date_time(value):
    if not isinstance(value, str):
        return True
    m = _DATE_TIME.match(value)
    if not m:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    if second == 60:  # a leap second
        second = 59
    try:
        datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return m.group(9) is None or (int(m.group(9)) < 24 and int(m.group(10)) < 60)


def _is_date(value):
    if not isinstance(value, str):
        return True
    try:
        return re.fullmatch(r"\d{4}-\d\d-\d\d", value) is not None and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def _format_checker():
    checker = jsonschema.FormatChecker(formats=())
    checks = {
        "date-time": _is_date_time,
        "date": _is_date,
        "email": lambda v: not isinstance(v, str) or _EMAIL.match(v) is not None,
        "uri": lambda v: not isinstance(v, str) or _URI.match(v) is not None,
        "uri-reference": lambda v: not isinstance(v, str) or not re.search(r"\s", v),
    }
    for name, func in checks.items():
        checker.checks(name)(func)
    return checker


# JSON Schema 2020-12 keywords whose values are schemas, maps of them, or lists of them.
_SCHEMAS = frozenset(("items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "not",
                      "if", "then", "else", "contains", "propertyNames", "contentSchema"))
_SCHEMA_MAPS = frozenset(("properties", "patternProperties", "$defs", "dependentSchemas"))
_SCHEMA_LISTS = frozenset(("allOf", "anyOf", "oneOf", "prefixItems"))


def _json_path(path):
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if re.fullmatch(r"\w+", part) else f"[{part!r}]")
    return out


def _media_type(value):
    return (value or "").split(";", 1)[0].strip().lower()


def _is_json(media_type):
    return media_type == "application/json" or media_type.endswith("+json")


def _strict_json(body):
    """json.loads, refusing what is not JSON (NaN) and what a client cannot read unambiguously (duplicate keys)."""
    def pairs(items):
        obj = {}
        for key, value in items:
            if key in obj:
                raise ValueError(f"duplicate key {key!r}")
            obj[key] = value
        return obj

    def constant(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(body, object_pairs_hook=pairs, parse_constant=constant)


class _Template:
    """A path template split into segments: literal text or a regular expression for `{name}`."""

    def __init__(self, template):
        self.template = template
        self.segments = []
        for segment in template.strip("/").split("/"):
            if "{" in segment:
                pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part)
                                  for part in re.split(r"(\{[^}]*\})", segment) if part)
                self.segments.append(re.compile(pattern + r"\Z"))
            else:
                self.segments.append(segment)
        # Literal segments win over templated ones, earlier segments first:
        # /organizations/unmapped before /organizations/{organization_id}.
        self.rank = tuple(0 if isinstance(s, str) else 1 for s in self.segments)

    def matches(self, segments):
        return all(s == part if isinstance(s, str) else s.match(part)
                   for s, part in zip(self.segments, segments))


class Contract:
    def __init__(self, source_root=None, *, document=None, strict=False):
        """Load the merged contract from source_root (default: PD_SOURCE_ROOT, else this checkout).

        document: an already merged contract (a dict), e.g. for tests of this module.
        strict: an operation (path + method) the contract does not have raises ContractError;
        otherwise it is only recorded in coverage()["undocumented"].
        """
        if document is None:
            root = source_root or _default_source_root()
            merge = _merge_module(root)
            document, problems = merge.load_contract(os.path.join(root, "docs", "portal-api.yaml"))
            if problems:
                raise ContractError("the contract does not merge:\n  " + "\n  ".join(problems))
        self.document = document
        self.strict = strict
        self._checker = _format_checker()
        self._validators = {}
        self._inlined = {}
        self._templates = {}  # segment count → [_Template], best rank first
        for path in document.get("paths") or {}:
            t = _Template(path)
            self._templates.setdefault(len(t.segments), []).append(t)
        for templates in self._templates.values():
            templates.sort(key=lambda t: t.rank)
        self._seen = {}  # "GET /api/v1/me" → {"200": count}
        self._undocumented = {}

    # -- looking things up ------------------------------------------------------------------

    def resolve(self, node):
        """Follow a (chain of) local $ref, as responses, headers and parameters may be references."""
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ContractError(f"cannot follow $ref {ref}: only '#/...' references are supported")
            node = self.document
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                try:
                    node = node[part]
                except (KeyError, TypeError):
                    raise ContractError(f"$ref {ref} points at nothing") from None
        return node

    def find_operation(self, method, path):
        """(template, operation) for a request path without query, or (None, None)."""
        # Segments stay percent-encoded, so %2F stays inside one; a trailing slash is one more
        # (empty) segment, which no template matches.
        if not path.startswith("/"):
            return None, None
        segments = path[1:].split("/")
        method = method.lower()
        path_matched = None
        for t in self._templates.get(len(segments), ()):
            if t.matches(segments):
                operation = (self.document["paths"][t.template] or {}).get(method)
                if operation is not None:
                    return t.template, operation
                path_matched = path_matched or t.template
        return path_matched, None

    def _inline(self, schema, seen=()):
        """Copy a schema with '#/components/schemas/...' references replaced by their targets.

        jsonschema resolves a $ref on every visit, which was most of the time spent on a page of
        list items. A reference back into itself (a recursive schema) stays a $ref.
        """
        if not isinstance(schema, Mapping):
            return schema  # true / false
        out = {}
        for key, value in schema.items():
            if key in _SCHEMA_MAPS and isinstance(value, Mapping):
                out[key] = {name: self._inline(sub, seen) for name, sub in value.items()}
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [self._inline(sub, seen) for sub in value]
            elif key in _SCHEMAS:
                out[key] = self._inline(value, seen)
            elif key != "$ref":
                out[key] = value
        ref = schema.get("$ref")
        if ref is None:
            return out
        if not (isinstance(ref, str) and ref.startswith("#/components/schemas/")) or ref in seen:
            out["$ref"] = ref
            return out
        target = self._inlined.get(ref)
        if target is None:
            target = self._inlined[ref] = self._inline(self.resolve({"$ref": ref}), seen + (ref,))
        if not out:
            return target
        out["allOf"] = list(out.get("allOf", [])) + [target]
        return out

    def _validator(self, key, schema):
        validator = self._validators.get(key)
        if validator is None:
            # The schema is wrapped so that '#/components/...' resolves within the compiled root.
            root = {"$schema": DIALECT, "components": self.document.get("components", {}),
                    "allOf": [self._inline(schema)]}
            cls = jsonschema.validators.validator_for(root)
            # cls.check_schema() checks `pattern` regular expressions only in newer jsonschema.
            meta = cls(cls.META_SCHEMA, format_checker=jsonschema.FormatChecker(formats=("regex",)))
            error = best_match(meta.iter_errors(root))
            if error is not None:
                raise ContractError(f"{key[1]} → {key[2]} ({key[0]} {key[3]}): the contract's schema is invalid:"
                                    f" {error.message} at {'/'.join(map(str, list(error.absolute_path)[2:]))}")
            validator = self._validators[key] = cls(root, format_checker=self._checker)
        return validator

    def _check(self, key, schema, instance, what):
        errors = list(self._validator(key, schema).iter_errors(instance))
        if not errors:
            return
        # A member that fails inside an allOf takes that part's annotations with it, so
        # unevaluatedProperties then blames every member: report the cause instead.
        causes = [e for e in errors if e.validator not in ("unevaluatedProperties", "unevaluatedItems")] or errors
        error = best_match(causes)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ContractError(f"{what}: {error.message} at {_json_path(error.absolute_path)}"
                            f" (schema: {'/'.join(map(str, list(error.absolute_schema_path)[2:]))}){more}")

    # -- the checks -------------------------------------------------------------------------

    def validate(self, method, path_with_query, status, headers, body_bytes, *, strict=None):
        """Check one response. Returns the operation's name ("GET /api/v1/organizations/{organization_id}"),
        or None for an undocumented operation outside strict mode. Raises ContractError.

        headers: a mapping or a list of (name, value) pairs; names are matched case-insensitively.
        body_bytes: the raw body (bytes or str), b"" for none.
        """
        strict = self.strict if strict is None else strict
        path = urlsplit(path_with_query).path
        template, operation = self.find_operation(method, path)
        if operation is None:
            name = f"{method.upper()} {template or path}"
            if strict:
                raise ContractError(f"{method.upper()} {path}: no such operation in the contract"
                                    + (f" (the path is {template}, but not this method)" if template else ""))
            self._undocumented[name] = self._undocumented.get(name, 0) + 1
            return None

        name = f"{method.upper()} {template}"
        status = str(int(status))
        # YAML reads an unquoted 200 as a number: compare as text.
        responses = {str(k): v for k, v in (operation.get("responses") or {}).items()}
        for key in (status, status[0] + "XX", "default"):
            if key in responses:
                break
        else:
            raise ContractError(f"{name}: status {status} is not documented"
                                f" (documented: {', '.join(map(str, responses))})")
        response = self.resolve(responses[key])
        where = f"{name} → {status}"
        seen = self._seen.setdefault(name, {})
        seen[status] = seen.get(status, 0) + 1

        # A dict, http.client's getheaders() pairs, or an email.message.Message (urllib's headers).
        items = headers.items() if hasattr(headers, "items") else headers
        lowered = {}
        for header, value in items:
            lowered.setdefault(header.lower(), value)
        self._check_headers(name, key, where, response, lowered)
        self._check_body(name, key, where, response, lowered.get("content-type"), body_bytes)
        return name

    def _check_headers(self, name, key, where, response, headers):
        for header, spec in (response.get("headers") or {}).items():
            if header.lower() == "content-type":  # OpenAPI: described by `content`, not here
                continue
            spec = self.resolve(spec)
            value = headers.get(header.lower())
            if value is None:
                if spec.get("required"):
                    raise ContractError(f"{where}: the required header {header} is missing")
                continue
            schema = spec.get("schema")
            if schema is None:
                continue
            # Header values are text; an integer-typed header (Retry-After) must read as one.
            if self.resolve(schema).get("type") in ("integer", "number"):
                try:
                    value = int(value) if re.fullmatch(r"-?\d+", value.strip()) else float(value)
                except ValueError:
                    raise ContractError(f"{where}: header {header} is not a number: {value!r}") from None
            self._check(("header", name, key, header), schema, value, f"{where}: header {header}")

    def _check_body(self, name, key, where, response, content_type, body):
        content = response.get("content") or {}
        if isinstance(body, str):
            body = body.encode("utf-8")
        body = body or b""
        if not content:
            if body:
                raise ContractError(f"{where}: the contract documents no body, but {len(body)} bytes came")
            return
        media = _media_type(content_type)
        if not media:
            raise ContractError(f"{where}: no Content-Type (documented: {', '.join(content)})")
        documented = {_media_type(k): v for k, v in content.items()}
        for candidate in (media, media.split("/")[0] + "/*", "*/*"):
            if candidate in documented:
                break
        else:
            raise ContractError(f"{where}: Content-Type {media} is not documented (documented: {', '.join(content)})")
        entry = documented[candidate] or {}
        if not _is_json(media):
            return  # HTML pages, CSV exports: the media type is the contract
        if not body:
            raise ContractError(f"{where}: empty body, {media} documented")
        try:
            instance = _strict_json(body)
        except (ValueError, UnicodeDecodeError) as e:
            raise ContractError(f"{where}: the body is not valid JSON: {e}") from None
        if "schema" in entry:
            self._check(("body", name, key, candidate), entry["schema"], instance, f"{where} ({media})")

    # -- reports ----------------------------------------------------------------------------

    def operations(self):
        """Every documented operation as "METHOD /path"."""
        return [f"{method.upper()} {path}" for path, item in (self.document.get("paths") or {}).items()
                for method in HTTP_METHODS if method in (item or {})]

    def coverage(self):
        """{"operations": {"GET /api/v1/me": {"200": 3}}, "missing": [never seen], "undocumented": {name: count}}"""
        return {
            "operations": {name: dict(statuses) for name, statuses in self._seen.items()},
            "missing": [name for name in self.operations() if name not in self._seen],
            "undocumented": dict(self._undocumented),
        }

    def check_schemas(self):
        """Compile every response body and header schema once; raises ContractError on an invalid one."""
        for path, item in (self.document.get("paths") or {}).items():
            for method in HTTP_METHODS:
                operation = (item or {}).get(method)
                if operation is None:
                    continue
                name = f"{method.upper()} {path}"
                for key, response in (operation.get("responses") or {}).items():
                    response = self.resolve(response)
                    for header, spec in (response.get("headers") or {}).items():
                        schema = self.resolve(spec).get("schema")
                        if schema is not None and header.lower() != "content-type":
                            self._validator(("header", name, str(key), header), schema)
                    for media, entry in (response.get("content") or {}).items():
                        if "schema" in (entry or {}):
                            self._validator(("body", name, str(key), _media_type(media)), entry["schema"])
