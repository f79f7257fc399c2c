#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

#include <utility>

namespace snaption::gui {
namespace {

constexpr int maxAnswerBytes = 4096;
constexpr int requestTimeoutMs = 5000;

// One line, at most limit bytes with its newline; empty with *error otherwise.
QByteArray readLineWithin(QLocalSocket &socket, qint64 limit, const QDeadlineTimer &deadline, QString *error)
{
    while (!socket.canReadLine()) {
        if (socket.bytesAvailable() >= limit) {
            *error = SingleInstance::tr("The answer is too long.");
            return {};
        }
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            *error = socket.state() == QLocalSocket::ConnectedState ? SingleInstance::tr("No answer within %1 s.").arg(requestTimeoutMs / 1000)
                                                                     : SingleInstance::tr("It closed the connection.");
            return {};
        }
    }
    return socket.readLine(limit);
}

struct Request {
    QStringList images;
    QString model;
    QStringList switches;
};

// Never trusted: the right shape or nothing.
bool parseRequest(const QByteArray &line, Request *request, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        *error = SingleInstance::tr("The request is not a JSON object.");
        return false;
    }
    const QJsonObject object = document.object();
    const QJsonValue images = object.value(QStringLiteral("images"));
    const QJsonValue model = object.value(QStringLiteral("model"));
    if (!images.isArray() || !(model.isUndefined() || model.isString())) {
        *error = SingleInstance::tr("The request needs an \"images\" list and at most a \"model\" text.");
        return false;
    }
    for (const QJsonValue &image : images.toArray()) {
        if (!image.isString() || !QDir::isAbsolutePath(image.toString())) {
            *error = SingleInstance::tr("Every image must be an absolute path.");
            return false;
        }
        request->images << image.toString();
    }
    request->model = model.toString();
    if (!request->model.isEmpty() && !QDir::isAbsolutePath(request->model)) {
        *error = SingleInstance::tr("The model must be an absolute path.");
        return false;
    }
    const QJsonValue switches = object.value(QStringLiteral("switches"));
    if (!(switches.isUndefined() || switches.isArray())) {
        *error = SingleInstance::tr("The switches must be a list.");
        return false;
    }
    for (const QJsonValue &option : switches.toArray()) {
        if (!SingleInstance::knownSwitches().contains(option.toString())) {
            *error = SingleInstance::tr("Unknown switch: %1").arg(option.toString());
            return false;
        }
        request->switches << option.toString();
    }
    return true;
}

QByteArray jsonLine(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n'; }

} // namespace

QString SingleInstance::defaultName()
{
    // The runtime folder is the user's alone (0700); the display tells sessions apart.
    const QString display = qEnvironmentVariable("WAYLAND_DISPLAY", qEnvironmentVariable("DISPLAY"));
    const QString identity = QGuiApplication::platformName() + QLatin1Char('|') + display;
    const QByteArray hash = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + QStringLiteral("/snaption-") + QString::fromLatin1(hash);
}

SingleInstance::SingleInstance(QString name, QObject *parent) : QObject(parent), m_name(std::move(name))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

QStringList SingleInstance::knownSwitches() { return {QStringLiteral("background"), QStringLiteral("watch-clipboard")}; }

SingleInstance::HandOff SingleInstance::handOff(const QStringList &images, const QString &model, QString *error, int timeoutMs,
                                                const QStringList &switches) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        const auto why = socket.error();
        if (why == QLocalSocket::ServerNotFoundError || why == QLocalSocket::ConnectionRefusedError) return HandOff::NoneRunning;
        *error = socket.errorString();
        return HandOff::Failed;
    }
    QJsonArray absolute;
    for (const QString &image : images) absolute.append(QFileInfo(image).absoluteFilePath());
    QJsonObject request{{QStringLiteral("images"), absolute}};
    if (!model.isEmpty()) request.insert(QStringLiteral("model"), QFileInfo(model).absoluteFilePath());
    if (!switches.isEmpty()) request.insert(QStringLiteral("switches"), QJsonArray::fromStringList(switches));
    const QDeadlineTimer deadline(timeoutMs);
    socket.write(jsonLine(request));
    if (!socket.waitForBytesWritten(timeoutMs)) {
        *error = socket.errorString();
        return HandOff::Failed;
    }
    const QByteArray line = readLineWithin(socket, maxAnswerBytes, deadline, error);
    if (line.isEmpty()) return HandOff::Failed;
    const QJsonObject answer = QJsonDocument::fromJson(line).object();
    if (!answer.contains(QStringLiteral("opened"))) {
        *error = answer.value(QStringLiteral("error")).toString(SingleInstance::tr("The answer is not one Snaption gives."));
        return HandOff::Failed;
    }
    return HandOff::Delivered;
}

bool SingleInstance::listen(QString *error)
{
    // With socket options Qt binds elsewhere and renames the socket into place, replacing one in
    // use without an error: so first look whether someone answers there.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(1000)) {
        *error = tr("Another Snaption is already running.");
        return false;
    }
    QLocalServer::removeServer(m_name); // a socket left behind by a Snaption that crashed
    if (m_server.listen(m_name)) return true;
    *error = m_server.errorString();
    return false;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { answer(socket); });
        // A client that never finishes its line is dropped.
        QTimer::singleShot(requestTimeoutMs, socket, [socket] { socket->abort(); socket->deleteLater(); });
        if (socket->bytesAvailable() > 0) answer(socket);
    }
}

void SingleInstance::answer(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() < maxRequestBytes) return; // more to come
        socket->write(jsonLine({{QStringLiteral("error"), SingleInstance::tr("The request is too long.")}}));
        socket->disconnectFromServer();
        return;
    }
    Request request;
    QString error;
    if (!parseRequest(socket->readLine(maxRequestBytes), &request, &error)) {
        socket->write(jsonLine({{QStringLiteral("error"), error}}));
    } else {
        socket->write(jsonLine({{QStringLiteral("opened"), int(request.images.size())}}));
        Q_EMIT requested(request.images, request.model, request.switches);
    }
    socket->disconnectFromServer();
}

} // namespace snaption::gui
