#pragma once

#include <QAbstractNativeEventFilter>
#include <QElapsedTimer>
#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QString>

#include <cstdint>

namespace snaption::gui {

// Global shortcuts on X11: a key combination grabbed on the root window reaches Snaption whatever
// window has the focus. The X server refuses a combination another application holds (BadAccess):
// that is reported as a conflict, not hidden.
class X11KeyGrabber : public QObject, public QAbstractNativeEventFilter {
    Q_OBJECT

public:
    explicit X11KeyGrabber(QObject *parent = nullptr);
    ~X11KeyGrabber() override;

    static bool isAvailable();
    // Grabs the combination for id (an earlier one of id is released first). False, with the
    // reason in *error, when it is not one key combination X11 can grab or another application
    // holds it.
    bool grab(int id, const QKeySequence &sequence, QString *error);
    void release(int id);

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *result) override;

Q_SIGNALS:
    void activated(int id);

private:
    struct Grab {
        std::uint8_t keycode = 0;
        std::uint16_t modifiers = 0;
    };
    bool grabKey(const Grab &grab, QString *error);
    void ungrabKey(const Grab &grab);

    QHash<int, Grab> m_grabs;
    QHash<int, QElapsedTimer> m_lastActivation; // a held key repeats: one activation per press
};

} // namespace snaption::gui
