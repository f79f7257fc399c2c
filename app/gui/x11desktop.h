#pragma once

#include <QtGlobal>

namespace snaption::gui {

// What the X server says about the desktop, asked over Qt's own xcb connection. Everything here
// answers "nothing" (false, 0) on other platforms (Wayland, offscreen).
class X11Desktop {
public:
    // True when Qt runs on the xcb platform.
    static bool isX11();
    // The window the window manager calls active (_NET_ACTIVE_WINDOW on the root window), or 0
    // when there is none or no window manager says.
    static quintptr activeWindow();
};

} // namespace snaption::gui
