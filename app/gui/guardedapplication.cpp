#include "guardedapplication.h"

#include <snaption/error.h>

#include <cstdio>

namespace snaption::gui {

GuardedApplication::GuardedApplication(int &argc, char **argv) : QApplication(argc, argv) {}

bool GuardedApplication::notify(QObject *receiver, QEvent *event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception &error) {
        const QString message = QString::fromStdString(Error::describe(error));
        std::fprintf(stderr, "snaption: unexpected failure: %s\n", message.toLocal8Bit().constData());
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT unexpectedFailure(message); }, Qt::QueuedConnection);
    } catch (...) {
        std::fprintf(stderr, "snaption: unexpected failure of an unknown kind\n");
        QMetaObject::invokeMethod(this, [this] { Q_EMIT unexpectedFailure(QStringLiteral("?")); }, Qt::QueuedConnection);
    }
    return false;
}

} // namespace snaption::gui
