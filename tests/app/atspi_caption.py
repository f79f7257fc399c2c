#!/usr/bin/env python3
"""End-to-end accessibility test: start `snaption --model MODEL IMAGE` and read its caption the
way a screen reader does, from the AT-SPI accessibility tree.

Then `snaption IMAGE2` is started as a second launch: it must hand IMAGE2 to the running one and
exit 0; the running one's image list then holds IMAGE2 (an item named "IMAGE2's name: EXPECTED2")
and its caption field reads EXPECTED2.

usage (inside a display and a D-Bus session, e.g. xvfb-run -a dbus-run-session -- ...):
  atspi_caption.py SNAPTION MODEL IMAGE EXPECTED_CAPTION IMAGE2 EXPECTED2
Exit 0: the "Caption" text field held EXPECTED_CAPTION, then IMAGE2 was listed and shown; 1: it did not (within
90 s) or the second launch did not exit at once; 77: pyatspi or the accessibility bus is missing
(the test is skipped outside CI)."""
import os
import subprocess
import sys
import time

try:
    import pyatspi
except ImportError:
    print("python3-pyatspi is not installed", file=sys.stderr)
    sys.exit(77)

binary, model, image, expected, image2, expected2 = sys.argv[1:7]
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


def find_named(node, wanted, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if node.name == wanted:
            return node
        for child in node:
            found = find_named(child, wanted, depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def wait_for_item(wanted, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            for application in pyatspi.Registry.getDesktop(0):
                if application is not None and "snaption" in (application.name or "").lower() and find_named(application, wanted):
                    print(f"image list item through AT-SPI: {wanted!r}")
                    return
        except Exception:
            pass
        time.sleep(0.5)
    print(f"no item named {wanted!r} in the running Snaption", file=sys.stderr)
    sys.exit(1)


def wait_for_caption(wanted, seconds):
    last = None
    deadline = time.time() + seconds
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
                    if last == wanted:
                        print(f"read through AT-SPI: {last!r}")
                        return
        except Exception as error:  # the registry may not be up yet
            last = f"(AT-SPI not ready: {error})"
        time.sleep(0.5)
    print(f"expected {wanted!r}, the screen reader got {last!r}", file=sys.stderr)
    sys.exit(1)


try:
    wait_for_caption(expected, 90)
    started = time.time()
    second = subprocess.run([binary, image2], env=env, timeout=30, capture_output=True, text=True)
    if second.returncode != 0:
        print(f"the second launch exited with {second.returncode}: {second.stderr}", file=sys.stderr)
        sys.exit(1)
    if "opening another window" in second.stderr:
        print(f"the second launch did not hand its image over: {second.stderr}", file=sys.stderr)
        sys.exit(1)
    print(f"second launch handed {image2} over and exited in {time.time() - started:.1f} s")
    wait_for_item(f"{os.path.basename(image2)}: {expected2}", 60)
    wait_for_caption(expected2, 30)
finally:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
