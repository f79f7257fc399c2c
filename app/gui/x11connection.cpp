#include "x11connection.h"

#include <QGuiApplication>
#include <QtGui/qguiapplication_platform.h>

#include <xcb/xcb.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace snaption::gui {

xcb_connection_t *X11Connection::get()
{
#if QT_CONFIG(xcb)
    if (auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr) return x11->connection();
#endif
    return nullptr;
}

std::uint32_t X11Connection::rootWindow()
{
    xcb_connection_t *connection = get();
    if (!connection) return 0;
    const xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(connection));
    return screens.rem > 0 && screens.data ? screens.data->root : 0;
}

std::uint32_t X11Connection::atom(const char *name)
{
    xcb_connection_t *connection = get();
    if (!connection) return XCB_ATOM_NONE;
    const xcb_intern_atom_cookie_t cookie = xcb_intern_atom(connection, 0, std::uint16_t(std::strlen(name)), name);
    const std::unique_ptr<xcb_intern_atom_reply_t, decltype(&std::free)> reply(xcb_intern_atom_reply(connection, cookie, nullptr), &std::free);
    return reply ? reply->atom : std::uint32_t(XCB_ATOM_NONE);
}

} // namespace snaption::gui
