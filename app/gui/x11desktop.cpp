#include "x11desktop.h"

#include "x11connection.h"

#include <xcb/xcb.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace snaption::gui {

bool X11Desktop::isX11() { return X11Connection::get() != nullptr; }

quintptr X11Desktop::activeWindow()
{
    xcb_connection_t *connection = X11Connection::get();
    if (!connection) return 0;
    const xcb_atom_t activeAtom = X11Connection::atom("_NET_ACTIVE_WINDOW");
    if (activeAtom == XCB_ATOM_NONE) return 0;
    const xcb_get_property_cookie_t cookie = xcb_get_property(connection, 0, X11Connection::rootWindow(), activeAtom, XCB_ATOM_WINDOW, 0, 1);
    const std::unique_ptr<xcb_get_property_reply_t, decltype(&std::free)> reply(xcb_get_property_reply(connection, cookie, nullptr), &std::free);
    // The reply's length is the server's word; it is checked before the value is read.
    if (!reply || reply->type != XCB_ATOM_WINDOW || reply->format != 32 || xcb_get_property_value_length(reply.get()) < int(sizeof(xcb_window_t)))
        return 0;
    xcb_window_t window = 0;
    std::memcpy(&window, xcb_get_property_value(reply.get()), sizeof window);
    return window;
}

} // namespace snaption::gui
