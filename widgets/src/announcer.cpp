#include <snaption/widgets/announcer.h>

#include <QAccessible>
#include <QAccessibleWidget>

#include <mutex>

namespace snaption::widgets {
namespace {

class NotificationAccessible : public QAccessibleWidget {
public:
    explicit NotificationAccessible(Announcer *announcer) : QAccessibleWidget(announcer, QAccessible::Notification) {}
    QString text(QAccessible::Text kind) const override
    {
        if (kind == QAccessible::Name) return static_cast<const Announcer *>(widget())->lastMessage();
        return {};
    }
};

QAccessibleInterface *notificationFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("snaption::widgets::Announcer") && object && object->isWidgetType())
        return new NotificationAccessible(static_cast<Announcer *>(object));
    return nullptr;
}

} // namespace

Announcer::Announcer(QWidget *statusBar) : QWidget(statusBar)
{
    static std::once_flag installed;
    std::call_once(installed, [] { QAccessible::installFactory(notificationFactory); });
    setObjectName(QStringLiteral("announcer"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    setGeometry(0, 0, 1, 1); // not in the bar's layout: seen by screen readers, not by eyes
    hide();
}

void Announcer::say(const QString &message)
{
    if (message.isEmpty()) return;
    m_message = message;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(this, message);
    QAccessible::updateAccessibility(&event);
#else
    // Hidden and shown again, so that a message repeated is spoken again; showing sends the
    // ObjectShow event ("object:state-changed:showing") a screen reader speaks.
    hide();
    if (parentWidget() && parentWidget()->isVisible()) show();
#endif
    Q_EMIT announced(message);
}

Announcer *Announcer::of(QWidget *context)
{
    if (!context) return nullptr;
    QWidget *window = context->window();
    if (auto *self = qobject_cast<Announcer *>(window)) return self;
    return window->findChild<Announcer *>(QString(), Qt::FindChildrenRecursively);
}

void Announcer::announce(QWidget *context, const QString &message)
{
    if (Announcer *announcer = of(context)) announcer->say(message);
}

} // namespace snaption::widgets
