#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Join docs/portal-api.yaml and its fragments docs/portal-api.d/*.yaml into one OpenAPI document.

  merge-openapi.py [MAIN] -o OUT    write the merged document (nothing on a problem)
  merge-openapi.py [MAIN] --check   only print the problems

Each fragment is a mapping with `paths:` and/or `components:`. A path+method or a component
defined twice with different content is a problem, and so is a `$ref` to a component nobody
defines or an operation tag the main document does not declare. The validator
(tests/portal/openapi_check.py) imports load_contract() from here, so lint and tests see the
same document.
"""

import argparse
import os
import re
import sys

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FRAGMENT_KEYS = ("paths", "components")
DEFAULT_MAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "portal-api.yaml")


class _Loader(yaml.SafeLoader):
    """YAML as JSON sees it: timestamps stay strings and only true/false are booleans.

    PyYAML follows YAML 1.1, which would turn an example `2025-03-01` into a date and `on` into
    true; the linter (YAML 1.2) and the JSON on the wire would not.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


def fragment_paths(main_path):
    """docs/portal-api.yaml → docs/portal-api.d/*.yaml, sorted so the output is stable."""
    directory = os.path.splitext(main_path)[0] + ".d"
    if not os.path.isdir(directory):
        return []
    return sorted(os.path.join(directory, name) for name in os.listdir(directory)
                  if name.endswith((".yaml", ".yml")))


def merge(main, fragments):
    """Merge fragments [(name, mapping)] into a copy of main. Returns (document, problems)."""
    doc = dict(main)
    doc["paths"] = {path: dict(item) for path, item in (main.get("paths") or {}).items()}
    doc["components"] = {section: dict(entries or {})
                         for section, entries in (main.get("components") or {}).items()}
    origin = {}  # ("path", path, method) or ("component", section, name) → where it came from
    problems = []

    for name, fragment in fragments:
        if fragment is None:
            continue
        if not isinstance(fragment, dict):
            problems.append(f"{name}: a fragment must be a mapping with paths: and components:")
            continue
        for key in fragment:
            if key not in FRAGMENT_KEYS:
                problems.append(f"{name}: unknown top-level key {key!r} (only paths and components)")

        for path, item in (fragment.get("paths") or {}).items():
            merged = doc["paths"].setdefault(path, {})
            for key, value in (item or {}).items():
                where = origin.get(("path", path, key), "docs/portal-api.yaml")
                if key not in merged:
                    merged[key] = value
                    origin[("path", path, key)] = name
                elif key in HTTP_METHODS:
                    problems.append(f"{name}: {key.upper()} {path} is already defined in {where}")
                elif merged[key] != value:
                    problems.append(f"{name}: {path} {key} differs from the one in {where}")

        for section, entries in (fragment.get("components") or {}).items():
            merged = doc["components"].setdefault(section, {})
            for key, value in (entries or {}).items():
                where = origin.get(("component", section, key), "docs/portal-api.yaml")
                if key not in merged:
                    merged[key] = value
                    origin[("component", section, key)] = name
                elif merged[key] != value:
                    problems.append(f"{name}: components/{section}/{key} differs from the one in {where}")

    problems += _check_refs(doc) + _check_tags(doc)
    return doc, problems


def _walk(node, pointer=""):
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            yield from _walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def _check_refs(doc):
    """Every local $ref must point at something: fragments are written apart from each other."""
    problems = []
    for pointer, node in _walk(doc):
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            continue
        target = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and part in target:
                target = target[part]
            else:
                problems.append(f"{pointer}: $ref {ref} points at nothing")
                break
    return problems


def _check_tags(doc):
    declared = {tag.get("name") for tag in doc.get("tags") or []}
    problems = []
    for path, item in doc["paths"].items():
        for method in HTTP_METHODS:
            for tag in ((item or {}).get(method) or {}).get("tags") or []:
                if tag not in declared:
                    problems.append(f"{method.upper()} {path}: tag {tag!r} is not declared in docs/portal-api.yaml")
    return problems


def load_contract(main_path=DEFAULT_MAIN):
    """Load the main document and its fragments. Returns (document, problems)."""
    main_path = os.path.normpath(main_path)
    base = os.path.dirname(os.path.dirname(main_path))
    fragments = [(os.path.relpath(path, base), load_yaml(path)) for path in fragment_paths(main_path)]
    return merge(load_yaml(main_path), fragments)


class _Dumper(yaml.SafeDumper):
    """Block style throughout, and multi-line descriptions as readable `|` blocks."""


def _represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(doc, stream):
    stream.write("# SPDX-License-Identifier: GPL-3.0-or-later\n"
                 "# Generated by build-aux/merge-openapi.py from docs/portal-api.yaml and docs/portal-api.d/.\n")
    yaml.dump(doc, stream, Dumper=_Dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=1 << 16)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Merge the portal API contract and its fragments.")
    parser.add_argument("main", nargs="?", default=DEFAULT_MAIN, help="the main document (docs/portal-api.yaml)")
    parser.add_argument("-o", "--output", help="where to write the merged document")
    parser.add_argument("--check", action="store_true", help="only report problems")
    args = parser.parse_args(argv)
    if not args.check and not args.output:
        parser.error("give -o OUTPUT or --check")

    try:
        doc, problems = load_contract(args.main)
    except (OSError, yaml.YAMLError) as e:
        print(f"merge-openapi: {e}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"merge-openapi: {problem}", file=sys.stderr)
    if problems:
        return 1
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            dump(doc, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
