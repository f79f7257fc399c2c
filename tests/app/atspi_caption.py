#!/usr/bin/env python3
"""End-to-end accessibility test: start `snaption --model MODEL IMAGE` and read its caption the
way a screen reader does, from the AT-SPI accessibility tree.

usage (inside a display and a D-Bus session, e.g. xvfb-run -a dbus-run-session -- ...):
  atspi_caption.py SNAPTION MODEL IMAGE EXPECTED_CAPTION
Exit 0: the "Caption" text field held EXPECTED_CAPTION; 1: it did not (within 90 s);
77: pyatspi or the accessibility bus is missing (the test is skipped outside CI)."""
import os
import subprocess
import sys
import time

try:
    import pyatspi
except ImportError:
    print("python3-pyatspi is not installed", file=sys.stderr)
    sys.exit(77)

binary, model, image, expected = sys.argv[1:5]
env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1", QT_QPA_PLATFORM="xcb")
process = subprocess.Popen([binary, "--model", model, image], env=env)


def find_caption(node, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if node.name == "Caption" and node.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY):
            return node
        for child in node:
            found = find_caption(child, depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


last = None
try:
    deadline = time.time() + 90
    while time.time() < deadline:
        if process.poll() is not None:
            print(f"snaption exited early with {process.returncode}", file=sys.stderr)
            sys.exit(1)
        try:
            desktop = pyatspi.Registry.getDesktop(0)
            for application in desktop:
                if application is None or "snaption" not in (application.name or "").lower():
                    continue
                field = find_caption(application)
                if field is not None:
                    text = field.queryText()
                    last = text.getText(0, text.characterCount)
                    if last == expected:
                        print(f"read through AT-SPI: {last!r}")
                        sys.exit(0)
        except Exception as error:  # the registry may not be up yet
            last = f"(AT-SPI not ready: {error})"
        time.sleep(0.5)
    print(f"expected {expected!r}, the screen reader got {last!r}", file=sys.stderr)
    sys.exit(1)
finally:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
