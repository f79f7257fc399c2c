#!/usr/bin/env python3
"""A stand-in for the XDG desktop portal's GlobalShortcuts interface, for tests: owns
org.freedesktop.portal.Desktop; CreateSession and BindShortcuts are answered, as the real portal
does, by Response signals on Request objects; every BindShortcuts call is written as a JSON line
to RECORD_FILE. The test presses a bound shortcut with the org.snaption.Test.Press(id) method,
which emits Activated as a desktop would.

usage: shortcuts_portal.py MODE RECORD_FILE   (prints "ready" once it owns the name)
  MODE: ok (binds every shortcut with its preferred trigger), refuse (BindShortcuts response 2)"""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"


class Request(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.portal.Request", signature="ua{sv}")
    def Response(self, response, results):
        pass


class Session(dbus.service.Object):
    def __init__(self, bus, path, portal):
        super().__init__(bus, path)
        self.portal = portal

    @dbus.service.method("org.freedesktop.portal.Session", in_signature="", out_signature="")
    def Close(self):
        self.portal.closed.append(str(self._object_path))
        self.remove_from_connection()


class Portal(dbus.service.Object):
    def __init__(self, bus, mode, record):
        super().__init__(bus, PATH)
        self.bus, self.mode, self.record = bus, mode, record
        self.objects, self.closed = [], []
        self.session = None

    def answer(self, sender, token, response, results):
        path = f"{PATH}/request/{sender[1:].replace('.', '_')}/{token}"
        request = Request(self.bus, path)
        self.objects.append(request)
        GLib.timeout_add(50, lambda: request.Response(dbus.UInt32(response), dbus.Dictionary(results, signature="sv")) and False)
        return dbus.ObjectPath(path)

    @dbus.service.method(INTERFACE, in_signature="a{sv}", out_signature="o", sender_keyword="sender")
    def CreateSession(self, options, sender):
        self.session = f"{PATH}/session/{sender[1:].replace('.', '_')}/{options['session_handle_token']}"
        self.objects.append(Session(self.bus, self.session, self))
        return self.answer(sender, options["handle_token"], 0, {"session_handle": dbus.String(self.session)})

    @dbus.service.method(INTERFACE, in_signature="oa(sa{sv})sa{sv}", out_signature="o", sender_keyword="sender")
    def BindShortcuts(self, session, shortcuts, parent_window, options, sender):
        wanted = [{"id": str(i), "description": str(p.get("description", "")), "preferred_trigger": str(p.get("preferred_trigger", ""))}
                  for i, p in shortcuts]
        with open(self.record, "a", encoding="utf-8") as out:
            out.write(json.dumps({"session": str(session), "shortcuts": wanted, "closed_before": list(self.closed)}) + "\n")
        if self.mode == "refuse":
            return self.answer(sender, options["handle_token"], 2, {})
        bound = dbus.Array([dbus.Struct((w["id"], dbus.Dictionary({"description": w["description"],
                                                                   "trigger_description": "Press " + w["preferred_trigger"]},
                                                                  signature="sv"))) for w in wanted], signature="(sa{sv})")
        return self.answer(sender, options["handle_token"], 0, {"shortcuts": bound})

    @dbus.service.signal(INTERFACE, signature="osta{sv}")
    def Activated(self, session_handle, shortcut_id, timestamp, options):
        pass

    @dbus.service.method("org.snaption.Test", in_signature="s", out_signature="")
    def Press(self, shortcut_id):
        self.Activated(dbus.ObjectPath(self.session), shortcut_id, dbus.UInt64(0), dbus.Dictionary({}, signature="sv"))


def main():
    mode, record = sys.argv[1:3]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    Portal(bus, mode, record)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
