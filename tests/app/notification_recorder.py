#!/usr/bin/env python3
"""A desktop notification service for tests: owns org.freedesktop.Notifications on the session
bus and writes every Notify call as a JSON line (app_name, summary, body, ...) to RECORD_FILE.

usage: notification_recorder.py RECORD_FILE   (runs until killed; prints "ready" once it owns the name)"""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"


class Recorder(dbus.service.Object):
    def __init__(self, bus, record):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.record = record
        self.next_id = 1

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
        with open(self.record, "a", encoding="utf-8") as out:
            out.write(json.dumps({"app_name": str(app_name), "replaces_id": int(replaces_id), "app_icon": str(app_icon),
                                  "summary": str(summary), "body": str(body),
                                  "hints": {str(k): str(v) for k, v in hints.items()}}) + "\n")
        self.next_id += 1
        return self.next_id - 1

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body"]

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ["snaption-test-recorder", "snaption", "1", "1.2"]

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, notification_id):
        pass


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    Recorder(bus, sys.argv[1])
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
