#!/usr/bin/env python3
"""End-to-end test of Watch the Clipboard: `snaption --watch-clipboard` runs minimised (not in
front) under a window manager; another process (xclip) copies images to the X clipboard; every
new image must come back as a desktop notification (recorded by notification_recorder.py on
this D-Bus session) whose body is the caption `snaption-cli caption` gives, and as an entry of
the History list that a screen reader reads (AT-SPI), newest first. Text copied, and the same
image copied again, give nothing.

usage (inside a display and a D-Bus session: xvfb-run -a dbus-run-session -- ...):
  clipboard_watch.py SNAPTION MODEL WORK IMAGE EXPECTED IMAGE2 EXPECTED2"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pyatspi

from gui_test_support import Failure, read_jsonl, wait_for

binary, model, work, image, expected, image2, expected2 = sys.argv[1:8]
work = Path(work)
here = Path(__file__).resolve().parent
record = work / "notifications.jsonl"
record.unlink(missing_ok=True)


def notifications():
    return read_jsonl(record)


def copy(*args, data=None):
    # xclip forks and serves the selection until another client takes it.
    subprocess.run(["xclip", "-selection", "clipboard", *args], input=data, check=True, timeout=10)


def history_names():
    for application in pyatspi.Registry.getDesktop(0):
        if application is None or "snaption" not in (application.name or "").lower():
            continue
        found = pyatspi.findDescendant(application, lambda node: node.name == "History" and node.getRole() in
                                       (pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE))
        if found is not None:
            return [child.name for child in found]
    return None


processes = []
try:
    processes.append(subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    recorder = subprocess.Popen([sys.executable, str(here / "notification_recorder.py"), str(record)], stdout=subprocess.PIPE, text=True)
    processes.append(recorder)
    if recorder.stdout.readline().strip() != "ready":
        raise Failure("the notification recorder did not start")
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1", QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([binary, "--model", model, "--watch-clipboard"], env=env, stdout=open(work / "snaption.out", "w"),
                           stderr=subprocess.STDOUT)
    processes.append(app)
    windows = wait_for(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Snaption"], capture_output=True,
                                              text=True).stdout.split(), 30, "Snaption window")
    time.sleep(2)
    for window in windows:
        subprocess.run(["xdotool", "windowminimize", window], check=True)
    time.sleep(1.5)

    copy(data=b"only words, no image")
    copy("-t", "image/png", "-i", image)
    first = wait_for(notifications, 60, "notification for the copied image")
    if app.poll() is not None:
        raise Failure(f"snaption exited with {app.returncode}")
    if len(first) != 1 or first[0]["body"] != expected:
        raise Failure(f"expected one notification saying {expected!r}, got {first}")
    if first[0]["app_name"] != "Snaption" or "Clipboard" not in first[0]["summary"]:
        raise Failure(f"the notification does not say where it came from: {first[0]}")
    print(f"notification: {first[0]['summary']!r}: {first[0]['body']!r}")

    copy("-t", "image/png", "-i", image)  # the same image again: nothing new
    time.sleep(4)
    if len(notifications()) != 1:
        raise Failure(f"the same image copied again was captioned again: {notifications()}")
    copy("-t", "image/png", "-i", image2)
    both = wait_for(lambda: notifications() if len(notifications()) >= 2 else None, 60, "notification for the second image")
    if len(both) != 2 or both[1]["body"] != expected2:
        raise Failure(f"expected the second notification to say {expected2!r}, got {both}")
    print(f"second notification: {both[1]['body']!r}")

    names = wait_for(lambda: history_names() == [expected2, expected] and history_names(), 30, "History list read through AT-SPI")
    print(f"History through AT-SPI: {names}")
    print("PASS")
except Failure as failure:
    print(f"FAIL: {failure}", file=sys.stderr)
    print((work / "snaption.out").read_text(errors="replace") if (work / "snaption.out").exists() else "", file=sys.stderr)
    sys.exit(1)
finally:
    for process in reversed(processes):
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
