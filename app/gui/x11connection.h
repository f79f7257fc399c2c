#pragma once

#include <cstdint>

struct xcb_connection_t;

namespace snaption::gui {

// Qt's xcb connection and the little every X11 helper needs of it (root window, atoms), or
// nothing where Qt does not run on X11.
class X11Connection {
public:
    static xcb_connection_t *get();
    static std::uint32_t rootWindow();
    // The atom of that name, made if missing; XCB_ATOM_NONE (0) on failure.
    static std::uint32_t atom(const char *name);
};

} // namespace snaption::gui
