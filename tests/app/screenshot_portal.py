#!/usr/bin/env python3
"""A stand-in for the XDG desktop portal's Screenshot interface, for tests: owns
org.freedesktop.portal.Desktop on the session bus; each Screenshot call is written as a JSON line
(its options) to RECORD_FILE and answered, as the real portal does, by a Response signal on the
Request object whose path the caller's handle_token names.

usage: screenshot_portal.py MODE IMAGE RECORD_FILE   (prints "ready" once it owns the name)
  MODE: ok (the answer names IMAGE), cancel (response 1), refuse (response 2),
        remote (response 0 with a URI that is not a local file)"""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"


class Request(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.portal.Request", signature="ua{sv}")
    def Response(self, response, results):
        pass


class Portal(dbus.service.Object):
    def __init__(self, bus, mode, image, record):
        super().__init__(bus, PATH)
        self.bus, self.mode, self.image, self.record = bus, mode, image, record
        self.requests = []

    @dbus.service.method("org.freedesktop.portal.Screenshot", in_signature="sa{sv}", out_signature="o", sender_keyword="sender")
    def Screenshot(self, parent_window, options, sender):
        with open(self.record, "a", encoding="utf-8") as out:
            out.write(json.dumps({"parent_window": str(parent_window),
                                  "options": {str(k): (bool(v) if isinstance(v, dbus.Boolean) else str(v)) for k, v in options.items()}}) + "\n")
        token = str(options.get("handle_token", "t0"))
        path = f"{PATH}/request/{sender[1:].replace('.', '_')}/{token}"
        request = Request(self.bus, path)
        self.requests.append(request)
        answers = {"ok": (0, {"uri": "file://" + self.image}), "cancel": (1, {}), "refuse": (2, {}),
                   "remote": (0, {"uri": "https://example.org/screen.png"})}
        response, results = answers[self.mode]
        GLib.timeout_add(100, lambda: request.Response(dbus.UInt32(response), dbus.Dictionary(results, signature="sv")) and False)
        return dbus.ObjectPath(path)


def main():
    mode, image, record = sys.argv[1:4]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    Portal(bus, mode, image, record)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
