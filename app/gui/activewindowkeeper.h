#pragma once

#include <QObject>

namespace snaption::gui {

// Gives the window its focus back after a dialog closes. Under some window managers (openbox,
// seen with Orca) the X focus returns to the main window without Qt noticing: its focus window
// never changed, so QApplication keeps no active window and no focus widget, Tab goes nowhere and
// every widget reads as unfocused. After a dialog hides, this makes the focus window's widget the
// active window again, which restores its last focus widget.
class ActiveWindowKeeper : public QObject {
public:
    explicit ActiveWindowKeeper(QObject *parent = nullptr);

    // What runs after a dialog hides; public for the test, which makes the broken state itself.
    static void restoreActiveWindow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace snaption::gui
