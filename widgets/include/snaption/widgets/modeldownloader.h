#pragma once

#include <snaption/widgets/modelcatalog.h>

#include <QCryptographicHash>
#include <QObject>
#include <QNetworkReply>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;

namespace snaption::widgets {

// Downloads a catalog model into the model folder: streams to a temporary file while hashing,
// checks size and SHA-256, checks it is a Snaption model file, and only then gives it its name.
// Progress and cancel; the network work runs on the event loop without blocking it.
class ModelDownloader : public QObject {
    Q_OBJECT

public:
    explicit ModelDownloader(QObject *parent = nullptr);
    ~ModelDownloader() override;

    void start(const CatalogEntry &entry, const QString &folder);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString &path);
    void failed(const QString &error);

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString &error);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    CatalogEntry m_entry;
    qint64 m_received = 0;
    bool m_cancelled = false;
};

} // namespace snaption::widgets
