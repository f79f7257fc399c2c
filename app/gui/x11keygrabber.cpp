#include "x11keygrabber.h"

#include "x11connection.h"

#include <QCoreApplication>

#include <xcb/xcb.h>

#include <array>
#include <cstdlib>
#include <memory>

namespace snaption::gui {
namespace {

template <typename T> using XcbReply = std::unique_ptr<T, decltype(&std::free)>;

// The modifiers a shortcut is made of; Caps Lock and Num Lock are grabbed in every state, since
// the server matches modifier masks exactly.
constexpr std::uint16_t kShortcutModifiers = XCB_MOD_MASK_SHIFT | XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 | XCB_MOD_MASK_4;
constexpr std::array<std::uint16_t, 4> kLockStates{0, XCB_MOD_MASK_LOCK, XCB_MOD_MASK_2, XCB_MOD_MASK_LOCK | XCB_MOD_MASK_2};
constexpr int kRepeatIntervalMs = 400;

std::uint16_t x11Modifiers(Qt::KeyboardModifiers modifiers)
{
    std::uint16_t mask = 0;
    if (modifiers & Qt::ShiftModifier) mask |= XCB_MOD_MASK_SHIFT;
    if (modifiers & Qt::ControlModifier) mask |= XCB_MOD_MASK_CONTROL;
    if (modifiers & Qt::AltModifier) mask |= XCB_MOD_MASK_1;
    if (modifiers & Qt::MetaModifier) mask |= XCB_MOD_MASK_4;
    return mask;
}

// The X keysym of a Qt key, for the keys a global shortcut can sensibly use; 0 for others.
std::uint32_t keysymOf(int key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z) return 0x61 + std::uint32_t(key - Qt::Key_A); // XK_a
    if (key >= Qt::Key_0 && key <= Qt::Key_9) return 0x30 + std::uint32_t(key - Qt::Key_0); // XK_0
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35) return 0xffbe + std::uint32_t(key - Qt::Key_F1); // XK_F1
    switch (key) {
    case Qt::Key_Space: return 0x20;
    case Qt::Key_Print: return 0xff61;
    case Qt::Key_Pause: return 0xff13;
    case Qt::Key_Insert: return 0xff63;
    case Qt::Key_Delete: return 0xffff;
    case Qt::Key_Home: return 0xff50;
    case Qt::Key_End: return 0xff57;
    case Qt::Key_PageUp: return 0xff55;
    case Qt::Key_PageDown: return 0xff56;
    case Qt::Key_Left: return 0xff51;
    case Qt::Key_Up: return 0xff52;
    case Qt::Key_Right: return 0xff53;
    case Qt::Key_Down: return 0xff54;
    default: return 0;
    }
}

// Keys that may stand alone: typing never needs them.
bool mayStandAlone(int key) { return (key >= Qt::Key_F1 && key <= Qt::Key_F35) || key == Qt::Key_Print || key == Qt::Key_Pause; }

// The keycode that produces keysym without a level shift, from the server's keyboard map; 0 when
// no key does. The map's sizes come from the server and are checked against each other.
std::uint8_t keycodeOf(xcb_connection_t *connection, std::uint32_t keysym)
{
    const xcb_setup_t *setup = xcb_get_setup(connection);
    const int first = setup->min_keycode, count = int(setup->max_keycode) - first + 1;
    if (count <= 0) return 0;
    const XcbReply<xcb_get_keyboard_mapping_reply_t> map(
        xcb_get_keyboard_mapping_reply(connection, xcb_get_keyboard_mapping(connection, xcb_keycode_t(first), std::uint8_t(count)), nullptr), &std::free);
    if (!map || map->keysyms_per_keycode == 0) return 0;
    const xcb_keysym_t *keysyms = xcb_get_keyboard_mapping_keysyms(map.get());
    const int perKeycode = map->keysyms_per_keycode, length = xcb_get_keyboard_mapping_keysyms_length(map.get());
    for (int code = 0; code < count && (code + 1) * perKeycode <= length; ++code) {
        for (int level = 0; level < std::min(perKeycode, 2); ++level) {
            if (keysyms[code * perKeycode + level] == keysym) return std::uint8_t(first + code);
        }
    }
    return 0;
}

} // namespace

X11KeyGrabber::X11KeyGrabber(QObject *parent) : QObject(parent)
{
    if (isAvailable()) QCoreApplication::instance()->installNativeEventFilter(this);
}

X11KeyGrabber::~X11KeyGrabber()
{
    for (const Grab &grab : std::as_const(m_grabs)) ungrabKey(grab);
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeNativeEventFilter(this);
}

bool X11KeyGrabber::isAvailable() { return X11Connection::get() != nullptr; }

bool X11KeyGrabber::grab(int id, const QKeySequence &sequence, QString *error)
{
    release(id);
    if (!isAvailable()) {
        *error = tr("global shortcuts need an X11 session here");
        return false;
    }
    if (sequence.count() != 1) {
        *error = tr("a global shortcut is one key combination");
        return false;
    }
    const int key = sequence[0].key();
    const Qt::KeyboardModifiers modifiers = sequence[0].keyboardModifiers();
    const std::uint32_t keysym = keysymOf(key);
    if (keysym == 0) {
        *error = tr("%1 cannot be a global shortcut: use a letter, a digit or a function key").arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    if (!mayStandAlone(key) && !(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        *error = tr("%1 would be taken from every application: add Ctrl, Alt or Meta").arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    Grab wanted;
    wanted.keycode = keycodeOf(X11Connection::get(), keysym);
    wanted.modifiers = x11Modifiers(modifiers);
    if (wanted.keycode == 0) {
        *error = tr("no key on this keyboard makes %1").arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    for (auto other = m_grabs.cbegin(); other != m_grabs.cend(); ++other) {
        if (other->keycode == wanted.keycode && other->modifiers == wanted.modifiers) {
            *error = tr("%1 is already the shortcut of another Snaption action").arg(sequence.toString(QKeySequence::NativeText));
            return false;
        }
    }
    if (!grabKey(wanted, error)) {
        if (error->isEmpty()) *error = tr("%1 is taken by another application").arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    m_grabs.insert(id, wanted);
    return true;
}

bool X11KeyGrabber::grabKey(const Grab &grab, QString *error)
{
    xcb_connection_t *connection = X11Connection::get();
    const xcb_window_t root = X11Connection::rootWindow();
    std::array<xcb_void_cookie_t, kLockStates.size()> cookies{};
    for (std::size_t i = 0; i < kLockStates.size(); ++i)
        cookies[i] = xcb_grab_key_checked(connection, 0, root, grab.modifiers | kLockStates[i], grab.keycode, XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
    bool refused = false;
    for (const xcb_void_cookie_t cookie : cookies) {
        const XcbReply<xcb_generic_error_t> failure(xcb_request_check(connection, cookie), &std::free);
        if (failure) refused = true;
        if (failure && failure->error_code != XCB_ACCESS) *error = tr("the X server refused the key grab (error %1)").arg(failure->error_code);
    }
    if (refused) ungrabKey(grab); // the lock states that did succeed
    return !refused;
}

void X11KeyGrabber::ungrabKey(const Grab &grab)
{
    xcb_connection_t *connection = X11Connection::get();
    if (!connection) return;
    for (const std::uint16_t lock : kLockStates) xcb_ungrab_key(connection, grab.keycode, X11Connection::rootWindow(), grab.modifiers | lock);
    xcb_flush(connection);
}

void X11KeyGrabber::release(int id)
{
    const auto found = m_grabs.constFind(id);
    if (found == m_grabs.cend()) return;
    ungrabKey(*found);
    m_grabs.erase(found);
}

bool X11KeyGrabber::nativeEventFilter(const QByteArray &eventType, void *message, qintptr *)
{
    if (eventType != "xcb_generic_event_t" || m_grabs.isEmpty()) return false;
    const auto *event = static_cast<const xcb_generic_event_t *>(message);
    if ((event->response_type & 0x7f) != XCB_KEY_PRESS) return false;
    const auto *press = static_cast<const xcb_key_press_event_t *>(message);
    if (press->event != X11Connection::rootWindow()) return false;
    for (auto grab = m_grabs.cbegin(); grab != m_grabs.cend(); ++grab) {
        if (grab->keycode != press->detail || grab->modifiers != (press->state & kShortcutModifiers)) continue;
        QElapsedTimer &last = m_lastActivation[grab.key()];
        if (last.isValid() && last.elapsed() < kRepeatIntervalMs) return true;
        last.start();
        // Queued: what the shortcut does (a dialog, a screenshot) runs outside X event handling.
        QMetaObject::invokeMethod(this, [this, id = grab.key()] { Q_EMIT activated(id); }, Qt::QueuedConnection);
        return true;
    }
    return false;
}

} // namespace snaption::gui
