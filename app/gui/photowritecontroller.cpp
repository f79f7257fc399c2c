#include "photowritecontroller.h"

#include "captiontab.h"
#include "writephotosdialog.h"

#include <snaption/widgets/imagelistmodel.h>

#include <QDateTime>
#include <QDir>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

namespace snaption::gui {

using widgets::ImageListModel;

namespace {

const char *const kJournalsKey = "photos/journals";
// Captions are in English until a model says otherwise (the German captioner, issue 14).

} // namespace

PhotoWriteController::PhotoWriteController(CaptionTab *captionTab, std::function<QString()> modelPath, QWidget *window)
    : QObject(window), m_captionTab(captionTab), m_modelPath(std::move(modelPath)), m_window(window), m_task(new PhotoMetadataTask(this))
{
    connect(m_task, &PhotoMetadataTask::previewReady, this, [this](const WritePreview &preview) {
        if (m_pendingWrite) {
            const metadata::WriteOptions options = *m_pendingWrite;
            m_pendingWrite.reset();
            return startWrite(options);
        }
        if (m_pendingPreview) {
            const metadata::WriteOptions options = *m_pendingPreview;
            m_pendingPreview.reset();
            return requestPreview(options);
        }
        if (m_dialog) m_dialog->showPreview(preview);
    });
    connect(m_task, &PhotoMetadataTask::progress, this, [this](int done, int total) {
        if (!m_progress) return;
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_task, &PhotoMetadataTask::photoDone, this,
            [this](int id, int state, const QString &note, const QString &description, const QString &altText, bool fromSnaption) {
                m_captionTab->images()->setPhotoState(id, ImageListModel::PhotoState(state), note, description, altText, fromSnaption);
            });
    connect(m_task, &PhotoMetadataTask::written, this, &PhotoWriteController::onWritten);
    connect(m_task, &PhotoMetadataTask::restored, this, &PhotoWriteController::onRestored);
    connect(m_task, &PhotoMetadataTask::photoRestored, this, &PhotoWriteController::onPhotoRestored);
}

bool PhotoWriteController::canUndo() const
{
    return !journals().isEmpty();
}

QStringList PhotoWriteController::journals() const
{
    return QSettings().value(QLatin1String(kJournalsKey)).toStringList();
}

void PhotoWriteController::setJournals(const QStringList &journals)
{
    QSettings().setValue(QLatin1String(kJournalsKey), journals);
    Q_EMIT undoAvailableChanged(!journals.isEmpty());
}

QString PhotoWriteController::newJournalPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/snaption/journals");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/desktop-%1.jsonl").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
}

std::vector<PhotoToWrite> PhotoWriteController::photosToWrite() const
{
    std::vector<PhotoToWrite> photos;
    for (const ImageListModel::Entry &entry : m_captionTab->images()->entries()) {
        if (entry.state != ImageListModel::State::Done || entry.path.isEmpty()) continue; // pasted images have no file
        photos.push_back({entry.id, entry.path, entry.captionText(), entry.isEdited(), entry.outcome.result.score,
                          QString::fromStdString(entry.outcome.result.language)});
    }
    return photos;
}

void PhotoWriteController::writeToPhotos()
{
    if (m_task->isRunning()) return Q_EMIT statusMessage(tr("Still writing to photos; wait for it to finish"));
    m_photos = photosToWrite();
    if (m_photos.empty()) return Q_EMIT statusMessage(tr("No captioned photo files to write to (pasted images have none)"));
    auto *dialog = new WritePhotosDialog(int(m_photos.size()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &WritePhotosDialog::previewWanted, this, &PhotoWriteController::requestPreview);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startWrite(dialog->options()); });
    requestPreview(dialog->options());
    dialog->open();
}

void PhotoWriteController::requestPreview(const metadata::WriteOptions &options)
{
    if (m_task->isRunning()) {
        m_pendingPreview = options; // the running preview's result is stale: this one follows it
        return;
    }
    m_task->preview(m_photos, options, m_modelPath());
}

QProgressDialog *PhotoWriteController::showProgress(const QString &label, int total)
{
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, total, m_window);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, m_task, &PhotoMetadataTask::cancel);
    m_progress = progress;
    return progress;
}

void PhotoWriteController::startWrite(const metadata::WriteOptions &options)
{
    m_pendingPreview.reset();
    if (m_task->isRunning()) {
        m_pendingWrite = options; // a preview still runs (it only reads): the write follows it
        return;
    }
    showProgress(tr("Writing captions to %n photo(s)…", nullptr, int(m_photos.size())), int(m_photos.size()));
    m_task->write(m_photos, options, m_modelPath(), newJournalPath());
}

void PhotoWriteController::onWritten(const WriteSummary &summary)
{
    if (m_progress) m_progress->close();
    if (summary.written > 0) setJournals(journals() << summary.journal);
    else QFile::remove(summary.journal); // nothing to undo
    QString message = tr("Wrote the caption into %n photo(s)", nullptr, summary.written);
    if (summary.kept > 0) message += tr("; %n left as they were", nullptr, summary.kept);
    if (summary.failed > 0) message += tr("; %n failed", nullptr, summary.failed);
    if (summary.cancelled) message += tr(" (cancelled)");
    Q_EMIT statusMessage(message);
    if (!summary.failures.isEmpty())
        QMessageBox::warning(m_window, tr("Some Photos Were Not Written"), summary.failures.mid(0, 20).join(QLatin1Char('\n')));
    Q_EMIT writeFinished(summary);
}

void PhotoWriteController::undoLastWrite()
{
    if (m_task->isRunning()) return Q_EMIT statusMessage(tr("Still writing to photos; wait for it to finish"));
    const QStringList stack = journals();
    if (stack.isEmpty()) return Q_EMIT statusMessage(tr("Nothing to undo"));
    showProgress(tr("Putting back what the photos held…"), 0);
    m_task->restore(stack.last());
}

void PhotoWriteController::onRestored(const RestoreSummary &summary)
{
    if (m_progress) m_progress->close();
    QStringList stack = journals();
    if (!stack.isEmpty() && summary.failed == 0) setJournals(stack.mid(0, stack.size() - 1));
    QString message = tr("Put back what %n photo(s) held", nullptr, summary.restored);
    if (summary.changed > 0) message += tr("; %n changed since and left as they are", nullptr, summary.changed);
    if (summary.failed > 0) message += tr("; %n failed (Undo Last Write tries again)", nullptr, summary.failed);
    Q_EMIT statusMessage(message);
    if (!summary.problems.isEmpty()) QMessageBox::warning(m_window, tr("Some Photos Were Not Restored"), summary.problems.mid(0, 20).join(QLatin1Char('\n')));
    Q_EMIT undoFinished(summary);
}

void PhotoWriteController::onPhotoRestored(const QString &path, const QString &description, const QString &altText, bool fromSnaption)
{
    for (const ImageListModel::Entry &entry : m_captionTab->images()->entries())
        if (entry.path == path) m_captionTab->images()->setPhotoState(entry.id, ImageListModel::PhotoState::NotWritten, QString(), description, altText, fromSnaption);
}

} // namespace snaption::gui
