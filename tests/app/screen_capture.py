#!/usr/bin/env python3
"""End-to-end test of describing what is on the screen from outside Snaption's window, under a
window manager, a system tray (tray_host.py) and a recording notification service:

1. `snaption --background` starts into the tray: no window appears, a tray item registers.
2. Another application's window shows a synthetic scene; with it active, the global shortcut
   for "caption the active window" (Ctrl+Alt+Shift+W, pressed by xdotool) makes a desktop
   notification whose body is exactly `snaption-cli caption` of the scene (the window's pixels
   are the scene's) and names the scene's shapes.
3. The tray menu (com.canonical.dbusmenu, as a desktop shell uses it) lists the capture actions;
   clicking "Caption the Screen" there makes a notification from the screen.
4. The global shortcut for "caption the clipboard" (Ctrl+Alt+Shift+C) captions an image another
   process copied.
5. A second `snaption --background --watch-clipboard` hands its switches to the running one and
   exits: no window comes up, and the next image copied is captioned without a key.
6. The tray's "Show Snaption" brings the window; closing it asks once whether to keep running
   (Enter: keep running), after which the window is gone and Snaption still runs; the tray's
   Quit ends it.

usage (inside xvfb-run and dbus-run-session):
  screen_capture.py SNAPTION VIEWER MODEL WORK SCENE SCENE_CAPTION SCENE_SHAPES IMAGE2 EXPECTED2"""
import os
import subprocess
import sys
import time
from pathlib import Path

import dbus

from gui_test_support import Failure, read_jsonl, wait_for

binary, viewer, model, work, scene, scene_caption, scene_shapes, image2, expected2 = sys.argv[1:10]
work = Path(work)
here = Path(__file__).resolve().parent
record = work / "notifications.jsonl"
tray_record = work / "tray-items.txt"
for stale in (record, tray_record):
    stale.unlink(missing_ok=True)
SHAPES = {"circle", "square", "triangle", "star", "cross", "diamond"}


def notifications():
    return read_jsonl(record)


def next_notification(count_before, seconds, what):
    return wait_for(lambda: notifications()[count_before] if len(notifications()) > count_before else None, seconds, what)


def visible_windows(name):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True).stdout.split()


def start_service(script, *arguments):
    process = subprocess.Popen([sys.executable, str(here / script), *arguments], stdout=subprocess.PIPE, text=True)
    if process.stdout.readline().strip() != "ready":
        raise Failure(f"{script} did not start")
    return process


def tray_menu_items(bus, item_service):
    menu_path = bus.get_object(item_service, "/StatusNotifierItem").Get("org.kde.StatusNotifierItem", "Menu",
                                                                         dbus_interface="org.freedesktop.DBus.Properties")
    menu = bus.get_object(item_service, menu_path)
    menu.AboutToShow(dbus.Int32(0), dbus_interface="com.canonical.dbusmenu")
    _, (_, _, children) = menu.GetLayout(dbus.Int32(0), dbus.Int32(-1), dbus.Array([], signature="s"), dbus_interface="com.canonical.dbusmenu")
    items = {}
    for child in children:
        identifier, properties, _ = child
        label = str(properties.get("label", "")).replace("_", "")
        if label:
            items[label] = int(identifier)
    return menu, items


processes = []
try:
    processes.append(subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    processes.append(start_service("notification_recorder.py", str(record)))
    processes.append(start_service("tray_host.py", str(tray_record)))
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([binary, "--background", "--model", model], env=env, stdout=open(work / "snaption.out", "w"), stderr=subprocess.STDOUT)
    processes.append(app)

    item = wait_for(lambda: tray_record.exists() and tray_record.read_text().split(), 30, "tray item registered by Snaption")[0]
    time.sleep(2)
    if visible_windows("^Snaption"):
        raise Failure("--background with a system tray showed a window")
    print(f"tray item: {item}; no window")

    processes.append(subprocess.Popen([viewer, scene, "Scene viewer"], env=env))
    window = wait_for(lambda: visible_windows("^Scene viewer$"), 30, "scene viewer window")[0]
    subprocess.run(["xdotool", "windowactivate", "--sync", window], check=True, timeout=10)
    time.sleep(1)
    subprocess.run(["xdotool", "key", "ctrl+alt+shift+w"], check=True)
    first = next_notification(0, 90, "notification for the active window")
    if first["body"] != scene_caption or "Active window" not in first["summary"]:
        raise Failure(f"expected a notification from the active window saying {scene_caption!r}, got {first}")
    said_shapes = {word.strip(".,;:").lower() for word in first["body"].split()} & SHAPES
    truth = set(scene_shapes.split())
    if not said_shapes or not said_shapes <= truth:
        raise Failure(f"the caption {first['body']!r} does not name the scene's shapes {sorted(truth)}")
    print(f"active window: {first['summary']!r}: {first['body']!r} (scene's shapes: {sorted(truth)})")

    bus = dbus.SessionBus()
    menu, items = tray_menu_items(bus, item)
    for wanted in ("Caption Clipboard Image", "Caption Active Window", "Caption the Screen", "Caption Screen Region…", "Watch the Clipboard", "Quit"):
        if wanted not in items:
            raise Failure(f"the tray menu lacks {wanted!r}: {sorted(items)}")
    menu.Event(dbus.Int32(items["Caption the Screen"]), "clicked", dbus.Int32(0), dbus.UInt32(0), dbus_interface="com.canonical.dbusmenu")
    screen = next_notification(1, 90, "notification for the screen (from the tray menu)")
    if "Screen" not in screen["summary"] or not screen["body"].strip():
        raise Failure(f"expected a notification from the screen, got {screen}")
    print(f"tray menu: {sorted(items)}; Caption the Screen: {screen['body']!r}")

    subprocess.run(["xclip", "-selection", "clipboard", "-t", "image/png", "-i", image2], check=True, timeout=10)
    time.sleep(1)
    subprocess.run(["xdotool", "key", "ctrl+alt+shift+c"], check=True)
    copied = next_notification(2, 90, "notification for the clipboard image")
    if copied["body"] != expected2 or "Clipboard" not in copied["summary"]:
        raise Failure(f"expected a notification from the clipboard saying {expected2!r}, got {copied}")
    print(f"clipboard shortcut: {copied['body']!r}")

    second = subprocess.run([binary, "--background", "--watch-clipboard"], env=env, capture_output=True, text=True, timeout=30)
    if second.returncode != 0 or visible_windows("^Snaption"):
        raise Failure(f"a second --background launch did not hand over quietly (exit {second.returncode}): {second.stderr}")
    subprocess.run(["xclip", "-selection", "clipboard", "-t", "image/png", "-i", scene], check=True, timeout=10)
    watched = next_notification(3, 90, "notification for an image copied after --watch-clipboard was handed over")
    if watched["body"] != scene_caption or "Clipboard" not in watched["summary"]:
        raise Failure(f"expected the watched clipboard to say {scene_caption!r}, got {watched}")
    print(f"second launch handed over --watch-clipboard: {watched['body']!r}")

    menu, items = tray_menu_items(bus, item)
    menu.Event(dbus.Int32(items["Show Snaption"]), "clicked", dbus.Int32(0), dbus.UInt32(0), dbus_interface="com.canonical.dbusmenu")
    main_window = wait_for(lambda: visible_windows("^Snaption$"), 30, "window shown from the tray")[0]
    subprocess.run(["xdotool", "windowactivate", "--sync", main_window, "key", "alt+F4"], check=True, timeout=10)
    question = wait_for(lambda: visible_windows("^Keep Running"), 30, "question whether to keep running")[0]
    subprocess.run(["xdotool", "windowactivate", "--sync", question, "key", "Return"], check=True, timeout=10)
    wait_for(lambda: not visible_windows("^Snaption$") and not visible_windows("^Keep Running"), 30, "window gone after Keep Running")
    time.sleep(1)
    if app.poll() is not None:
        raise Failure(f"snaption exited with {app.returncode} instead of keeping running")
    print("closing the window asked once and kept Snaption running in the tray")
    menu, items = tray_menu_items(bus, item)
    menu.Event(dbus.Int32(items["Quit"]), "clicked", dbus.Int32(0), dbus.UInt32(0), dbus_interface="com.canonical.dbusmenu")
    if app.wait(30) != 0:
        raise Failure(f"Quit in the tray ended snaption with {app.returncode}")
    print("Quit in the tray ended it")
    print("PASS")
except (Failure, dbus.DBusException) as failure:
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
