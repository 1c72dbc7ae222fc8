#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak-manifest.py MANIFEST APP_ID: the Flatpak manifest builds this
repository with meson on the GNOME runtime, with exactly the sandbox holes
the application needs (secrets and notifications go through portals)."""

import json
import os
import sys

EXPECTED_FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Libraries the GNOME runtime already ships; bundling them would shadow it.
RUNTIME_LIBRARIES = {"gtk", "gtk4", "libadwaita", "libsoup", "json-glib", "libsecret", "sqlite", "glib"}


def fail(message):
    print(f"flatpak manifest: {message}", file=sys.stderr)
    sys.exit(1)


def main(path, app_id):
    with open(path, encoding="utf-8") as handle:
        manifest = json.load(handle)

    if os.path.basename(path) != app_id + ".json":
        fail(f"file is named {os.path.basename(path)}, not after the ID {app_id}")
    if manifest.get("id") != app_id:
        fail(f"id is {manifest.get('id')!r}, expected {app_id!r}")
    if manifest.get("command") != "partner-desk":
        fail(f"command is {manifest.get('command')!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("runtime and SDK must be org.gnome.Platform and org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < 49:
        fail(f"runtime-version {version!r} is not a current stable GNOME runtime")
    if manifest.get("finish-args") != EXPECTED_FINISH_ARGS:
        fail(f"finish-args are {manifest.get('finish-args')}, expected exactly {EXPECTED_FINISH_ARGS}")

    modules = manifest.get("modules", [])
    for module in modules:
        if isinstance(module, dict) and module.get("name", "").lower() in RUNTIME_LIBRARIES:
            fail(f"module {module['name']} is already in the GNOME runtime")
    if not modules or not isinstance(modules[-1], dict):
        fail("the last module must be the application itself")
    app = modules[-1]
    if app.get("name") != "partner-desk" or app.get("buildsystem") != "meson":
        fail("the last module must be partner-desk, built with meson")
    sources = app.get("sources", [])
    if sources != [{"type": "dir", "path": ".."}]:
        fail(f"partner-desk must be built from this repository (sources {sources})")
    root = os.path.normpath(os.path.join(os.path.dirname(path), ".."))
    if not os.path.isfile(os.path.join(root, "meson.build")):
        fail(f"{root} (the source dir) holds no meson.build")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
