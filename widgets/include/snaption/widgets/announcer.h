#pragma once

#include <QString>

class QWidget;

namespace snaption::widgets {

// Tells screen readers about a change they would not notice on their own (a caption arriving
// while the user is elsewhere). Qt >= 6.8 has a dedicated announcement event; before that the
// accessible description of the (focused) widget is changed and a DescriptionChanged event sent,
// which Orca and NVDA read out.
class Announcer {
public:
    static void announce(QWidget *widget, const QString &message);
};

} // namespace snaption::widgets
