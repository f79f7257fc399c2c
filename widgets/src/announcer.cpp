#include <snaption/widgets/announcer.h>

#include <QAccessible>
#include <QWidget>

namespace snaption::widgets {

void Announcer::announce(QWidget *widget, const QString &message)
{
    if (!widget) return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(widget, message);
    QAccessible::updateAccessibility(&event);
#else
    widget->setAccessibleDescription(message);
    QAccessibleEvent event(widget, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
#endif
}

} // namespace snaption::widgets
