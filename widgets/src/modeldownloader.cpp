#include <snaption/widgets/modeldownloader.h>

#include <snaption/error.h>
#include <snaption/modelinfo.h>

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>

namespace snaption::widgets {
namespace {

constexpr qint64 kMaxModelBytes = qint64(4) << 30;

} // namespace

ModelDownloader::ModelDownloader(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

ModelDownloader::~ModelDownloader()
{
    if (m_reply) m_reply->abort();
}

void ModelDownloader::start(const CatalogEntry &entry, const QString &folder)
{
    if (m_reply) return;
    m_entry = entry;
    m_received = 0;
    m_cancelled = false;
    m_hash.reset();
    if (!QDir().mkpath(folder)) return fail(tr("Cannot create the folder %1").arg(folder));
    m_file = std::make_unique<QSaveFile>(QDir(folder).filePath(entry.id + QStringLiteral(".safetensors")));
    if (!m_file->open(QIODevice::WriteOnly)) return fail(tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
    QNetworkRequest request(entry.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(received, total > 0 ? total : m_entry.size);
    });
}

void ModelDownloader::cancel()
{
    if (!m_reply) return;
    m_cancelled = true;
    m_reply->abort();
}

void ModelDownloader::onReadyRead()
{
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    const qint64 limit = m_entry.size > 0 ? m_entry.size : kMaxModelBytes;
    if (m_received > limit) {
        m_reply->abort();
        return; // onFinished reports it
    }
    m_hash.addData(chunk);
    if (m_file->write(chunk) != chunk.size()) {
        m_reply->abort();
    }
}

void ModelDownloader::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const qint64 limit = m_entry.size > 0 ? m_entry.size : kMaxModelBytes;
    if (m_cancelled) return fail(tr("Download cancelled"));
    if (m_received > limit) return fail(tr("The download is larger than the catalog says (%1 bytes)").arg(limit));
    if (m_file->error() != QFileDevice::NoError) return fail(tr("Cannot write the model: %1").arg(m_file->errorString()));
    if (reply->error() != QNetworkReply::NoError) return fail(tr("Download failed: %1").arg(reply->errorString()));
    if (m_entry.size > 0 && m_received != m_entry.size)
        return fail(tr("The download has %1 bytes, the catalog says %2").arg(m_received).arg(m_entry.size));
    if (m_hash.result().toHex() != m_entry.sha256) return fail(tr("The download is damaged or not the expected file (SHA-256 mismatch)"));
    if (!m_file->commit()) return fail(tr("Cannot save the model: %1").arg(m_file->errorString()));
    const QString path = m_file->fileName();
    m_file.reset();
    try {
        ModelInfo::read(path.toStdString());
    } catch (const std::exception &error) {
        QFile::remove(path);
        return fail(tr("The downloaded file is not a usable model: %1").arg(QString::fromStdString(Error::describe(error))));
    }
    Q_EMIT finished(path);
}

void ModelDownloader::fail(const QString &error)
{
    if (m_file) m_file->cancelWriting();
    m_file.reset();
    Q_EMIT failed(error);
}

} // namespace snaption::widgets
