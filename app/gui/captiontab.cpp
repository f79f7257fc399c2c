#include "captiontab.h"

#include "captionfield.h"
#include "captionspeaker.h"
#include "imagefiles.h"

#include <snaption/widgets/announcer.h>
#include <snaption/widgets/captionworker.h>
#include <snaption/widgets/decodingcontrols.h>
#include <snaption/widgets/heatmapcontrols.h>
#include <snaption/widgets/installedmodels.h>
#include <snaption/widgets/wordbar.h>

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>


namespace snaption::gui {

using widgets::ImageListModel;


CaptionTab::CaptionTab(widgets::CaptionWorker *worker, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_images(new ImageListModel(this)), m_list(new QListView(this)), m_view(new widgets::HeatmapView(this)),
      m_words(new widgets::WordBar(this)), m_play(new QToolButton(this)), m_caption(new CaptionField(this)), m_unsure(new QLabel(tr("(unsure)"), this)), m_existing(new QLabel(this)), m_copy(new QPushButton(tr("Cop&y"), this)),
      m_speak(new QPushButton(tr("Spea&k"), this)), m_heatmapControls(new widgets::HeatmapControls(this)),
      m_decodingControls(new widgets::DecodingControls(this)), m_languageLabel(new QLabel(tr("Caption language:"), this)),
      m_language(new QComboBox(this)), m_progress(new QProgressBar(this)), m_speed(new QLabel(this)),
      m_cancel(new QPushButton(tr("Ca&ncel"), this))
{
    // Left: the images and the batch progress.
    m_list->setModel(m_images);
    m_list->setIconSize(QSize(widgets::CaptionOutcome::kThumbnailSize / 2, widgets::CaptionOutcome::kThumbnailSize / 2));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Images"));
    m_list->installEventFilter(this);
    m_list->setAccessibleDescription(tr("The images to caption, each with its state and caption"));
    m_progress->setAccessibleName(tr("Captioning progress"));
    m_progress->setVisible(false);
    m_speed->setVisible(false);
    m_cancel->setVisible(false);
    m_cancel->setAccessibleDescription(tr("Stops captioning the images still waiting"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    leftLayout->addLayout(progressRow);
    leftLayout->addWidget(m_speed);

    // Centre: the picture, the words, the caption.
    m_caption->setReadOnly(true);
    m_unsure->setToolTip(tr("The model is unsure of this caption: on photos with known descriptions, captions it was this unsure of "
                            "scored less than half as well as the others"));
    m_unsure->setObjectName(QStringLiteral("unsureMark"));
    m_unsure->hide();
    m_caption->setAccessibleName(tr("Caption"));
    m_caption->setToolTip(tr("Correct the caption here: the corrected text is what is copied and written to the photo"));
    m_existing->setWordWrap(true);
    m_existing->setTextFormat(Qt::PlainText);
    m_existing->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_existing->setAccessibleName(tr("Description in the photo"));
    m_existing->setVisible(false);
    m_caption->setPlaceholderText(tr("Drop images here, or open them with Ctrl+O"));
    m_copy->setAccessibleDescription(tr("Copies the caption to the clipboard, for use as alt text"));
    m_speak->setAccessibleDescription(tr("Reads the caption aloud"));
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    m_play->setAccessibleName(tr("Play words"));
    m_play->setAccessibleDescription(tr("Steps through the words, showing each one's heatmap"));
    m_speaker = new CaptionSpeaker(this);
    connect(m_speaker, &CaptionSpeaker::failed, this, &CaptionTab::statusMessage);
    m_speak->setVisible(CaptionSpeaker::isBuiltIn());
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(m_view, 1);
    auto *wordsRow = new QHBoxLayout;
    wordsRow->addWidget(m_play);
    wordsRow->addWidget(m_words, 1);
    centreLayout->addLayout(wordsRow);
    auto *captionRow = new QHBoxLayout;
    auto *captionLabel = new QLabel(tr("Ca&ption:"), this);
    captionLabel->setBuddy(m_caption);
    captionRow->addWidget(captionLabel);
    captionRow->addWidget(m_caption, 1);
    captionRow->addWidget(m_unsure);
    captionRow->addWidget(m_copy);
    captionRow->addWidget(m_speak);
    centreLayout->addLayout(captionRow);
    centreLayout->addWidget(m_existing);

    // Right: how the heatmap looks and how words are chosen.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_languageLabel->setBuddy(m_language);
    m_language->setAccessibleDescription(tr("The language of the captions, from the installed models"));
    m_languageLabel->setVisible(false);
    m_language->setVisible(false);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_language, 1);
    rightLayout->addLayout(languageRow);
    connect(m_language, QOverload<int>::of(&QComboBox::activated), this,
            [this](int index) { Q_EMIT captionLanguageChosen(m_language->itemData(index).toString()); });
    auto *heatmapBox = new QGroupBox(tr("Heatmap"), this);
    (new QVBoxLayout(heatmapBox))->addWidget(m_heatmapControls);
    auto *decodingBox = new QGroupBox(tr("Decoding"), this);
    (new QVBoxLayout(decodingBox))->addWidget(m_decodingControls);
    rightLayout->addWidget(heatmapBox);
    rightLayout->addWidget(decodingBox);
    rightLayout->addStretch();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(centre);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700, 240});
    (new QVBoxLayout(this))->addWidget(splitter);

    // A sensible keyboard path: list, caption, words, picture, controls.
    setTabOrder(m_list, m_caption);
    setTabOrder(m_caption, m_copy);
    setTabOrder(m_copy, m_speak);
    setTabOrder(m_speak, m_words);
    setTabOrder(m_words, m_play);
    setTabOrder(m_play, m_view);
    setTabOrder(m_view, m_heatmapControls);
    setTabOrder(m_heatmapControls, m_decodingControls);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &CaptionTab::showCurrent);
    connect(m_words, &widgets::WordBar::wordSelected, m_view, &widgets::HeatmapView::setWord);
    connect(m_play, &QToolButton::toggled, m_words, &widgets::WordBar::setPlaying);
    connect(m_words, &widgets::WordBar::playingChanged, m_play, &QToolButton::setChecked);
    connect(m_heatmapControls, &widgets::HeatmapControls::settingsChanged, m_view, &widgets::HeatmapView::setSettings);
    connect(m_decodingControls, &widgets::DecodingControls::optionsChanged, this, &CaptionTab::recaptionAll);
    connect(m_caption, &QLineEdit::textEdited, this, [this](const QString &text) {
        const ImageListModel::Entry *entry = currentEntry();
        if (entry && entry->state == ImageListModel::State::Done) m_images->setEditedCaption(entry->id, text);
    });
    connect(m_images, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
        const QModelIndex current = m_list->currentIndex();
        if (!current.isValid() || current.row() < first.row() || current.row() > last.row()) return;
        showExistingDescription(currentEntry());
        showUnsureMark(currentEntry());
        // The current item's accessible name follows its state and caption; Qt's list says
        // nothing when an item's text changes.
        if (QAccessibleInterface *item = QAccessible::isActive() ? listItemAccessible(current.row()) : nullptr) {
            QAccessibleEvent event(item, QAccessible::NameChanged);
            QAccessible::updateAccessibility(&event);
        }
    });
    connect(m_copy, &QPushButton::clicked, this, &CaptionTab::copyCaption);
    connect(m_speak, &QPushButton::clicked, this, &CaptionTab::speakCaption);
    connect(m_cancel, &QPushButton::clicked, this, &CaptionTab::cancelAll);
    connect(m_worker, &widgets::CaptionWorker::started, this, &CaptionTab::onStarted);
    connect(m_worker, &widgets::CaptionWorker::finished, this, &CaptionTab::onFinished);
    connect(m_worker, &widgets::CaptionWorker::idle, this, &CaptionTab::onIdle);
    m_view->setSettings(m_heatmapControls->settings());
}

const ImageListModel::Entry *CaptionTab::currentEntry() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? &m_images->at(index.row()) : nullptr;
}

bool CaptionTab::isBusy() const
{
    return m_batchDone < m_batchTotal;
}

int CaptionTab::addPaths(const QStringList &paths)
{
    const QStringList files = ImageFiles::expand(paths);
    int first = -1;
    for (const QString &file : files) {
        const int id = m_images->add(file);
        if (first < 0) first = id;
        enqueue(id, id == first);
    }
    if (first < 0) return 0;
    // The first new image is shown at once, also when another one was selected: its caption is
    // the one the user waits for, and it is what is announced when it is ready.
    const bool listFocused = m_list->hasFocus();
    selectId(first);
    if (m_modelReady && !listFocused) { // in the focused list the new item's focus is spoken
        widgets::Announcer::announce(this, files.size() == 1 ? tr("Captioning %1").arg(m_images->entry(first)->name)
                                                             : tr("Captioning %n image(s)", nullptr, int(files.size())));
    }
    return int(files.size());
}

int CaptionTab::addImage(const QImage &image, const QString &name)
{
    const int id = m_images->addPixels(image, name);
    enqueue(id);
    selectId(id);
    return id;
}

void CaptionTab::selectId(int id)
{
    const int row = m_images->rowOf(id);
    if (row >= 0) m_list->setCurrentIndex(m_images->index(row));
}

void CaptionTab::enqueue(int id, bool shownNext)
{
    const ImageListModel::Entry *entry = m_images->entry(id);
    if (!entry) return;
    if (!m_modelReady) {
        m_images->setState(id, ImageListModel::State::Queued);
        return;
    }
    if (!isBusy()) {
        m_batchTotal = m_batchDone = 0;
        m_batchTimer.start();
        Q_EMIT busyChanged(true);
    }
    ++m_batchTotal;
    m_images->setState(id, ImageListModel::State::Queued);
    widgets::CaptionJob job;
    job.id = id;
    job.path = entry->path;
    job.pixels = entry->pixels;
    job.options = m_decodingControls->options();
    job.shown = shownNext || entry == currentEntry();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job] { worker->enqueue(job); }, Qt::QueuedConnection);
    updateProgress();
    if (entry == currentEntry()) showCurrent();
}

void CaptionTab::onStarted(int id)
{
    if (m_refreshing.contains(id)) return; // a finished image being refreshed stays "done"
    m_images->setState(id, ImageListModel::State::Captioning);
}

void CaptionTab::onFinished(const widgets::CaptionOutcome &outcome)
{
    if (outcome.refresh) return onRefreshed(outcome);
    m_images->setOutcome(outcome);
    ++m_batchDone;
    updateProgress();
    const ImageListModel::Entry *current = currentEntry();
    const QString failure = outcome.ok ? QString() : tr("Could not caption %1: %2").arg(m_images->entry(outcome.id)->name, outcome.error);
    if (current && current->id == outcome.id) {
        showCurrent();
        tellScreenReader(*current, outcome.ok ? m_images->spokenCaption(*current) : failure);
        if (outcome.ok) Q_EMIT captionReady(outcome.id, QString::fromStdString(outcome.result.caption));
    }
    if (!outcome.ok) Q_EMIT statusMessage(failure);
    if (const ImageListModel::Entry *entry = m_images->entry(outcome.id)) Q_EMIT imageFinished(outcome.id, outcome.ok, outcome.ok ? entry->captionText() : outcome.error);
}

// Not part of the batch and not announced again: the caption is the one already shown.
void CaptionTab::onRefreshed(const widgets::CaptionOutcome &outcome)
{
    m_refreshing.remove(outcome.id);
    const ImageListModel::Entry *entry = m_images->entry(outcome.id);
    if (!entry) return;
    if (!outcome.ok) {
        Q_EMIT statusMessage(tr("Cannot show %1 again: %2").arg(entry->name, outcome.error));
        return;
    }
    m_images->setOutcome(outcome);
    const ImageListModel::Entry *current = currentEntry();
    if (current && current->id == outcome.id) showCurrent();
}

void CaptionTab::onIdle()
{
    if (m_batchDone < m_batchTotal) m_batchDone = m_batchTotal; // cancelled jobs never report
    updateProgress();
}

void CaptionTab::updateProgress()
{
    const bool busy = isBusy();
    const bool batch = m_batchTotal > 1;
    m_progress->setVisible(busy && batch);
    m_cancel->setVisible(busy);
    m_speed->setVisible(busy && batch);
    m_progress->setRange(0, m_batchTotal);
    m_progress->setValue(m_batchDone);
    if (busy) {
        const double seconds = double(m_batchTimer.elapsed()) / 1000.0;
        m_speed->setText(tr("%1 of %2 images, %3 images/s").arg(m_batchDone).arg(m_batchTotal).arg(seconds > 0 ? m_batchDone / seconds : 0.0, 0, 'f', 1));
    } else {
        Q_EMIT busyChanged(false);
        if (m_batchTotal > 1)
            Q_EMIT statusMessage(tr("Captioned %1 images (%2 failed) in %3 s")
                                     .arg(m_batchTotal)
                                     .arg(m_images->count(ImageListModel::State::Failed))
                                     .arg(double(m_batchTimer.elapsed()) / 1000.0, 0, 'f', 1));
        m_batchTotal = m_batchDone = 0;
    }
}

// Said once, as an announcement, wherever the focus is. The image list's item changes its name to
// "photo.jpg: caption" as well (and says so, see the model's dataChanged), but Orca ignores name
// changes of list items; the caption field's own text change has no cause Orca speaks, and its
// description stays what it was.
void CaptionTab::tellScreenReader(const ImageListModel::Entry &entry, const QString &announcement)
{
    widgets::Announcer::announce(this, announcement);
    if (entry.state == ImageListModel::State::Done && m_speakWhenReady) speakCaption();
}

QAccessibleInterface *CaptionTab::listItemAccessible(int row) const
{
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(m_list);
    QAccessibleTableInterface *table = list ? list->tableInterface() : nullptr;
    return table && row >= 0 && row < m_images->rowCount() ? table->cellAt(row, 0) : nullptr;
}

// Focusing the list, Qt tells screen readers about the list only (Orca said "Images. List with
// 1 item." and not which item): the current item follows as the focus, queued because Qt sends
// the list's own focus event after the FocusIn handlers.
bool CaptionTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::FocusIn) {
        QMetaObject::invokeMethod(this, [this] {
            if (!m_list->hasFocus()) return;
            if (QAccessibleInterface *item = listItemAccessible(m_list->currentIndex().row())) {
                QAccessibleEvent focus(item, QAccessible::Focus);
                QAccessible::updateAccessibility(&focus);
            }
        }, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void CaptionTab::setCaptionText(const QString &text)
{
    m_caption->setText(text);
    m_caption->setCursorPosition(0);
}

void CaptionTab::showExistingDescription(const ImageListModel::Entry *entry)
{
    if (!entry || entry->path.isEmpty() || entry->state != ImageListModel::State::Done) {
        m_existing->setVisible(false);
        return;
    }
    const widgets::CaptionOutcome &outcome = entry->outcome;
    QStringList parts;
    if (!outcome.existingDescription.isEmpty()) parts << tr("description “%1”").arg(outcome.existingDescription);
    if (!outcome.existingAltText.isEmpty() && outcome.existingAltText != outcome.existingDescription)
        parts << tr("alt text “%1”").arg(outcome.existingAltText);
    else if (!outcome.existingAltText.isEmpty())
        parts << tr("also as alt text");
    QString text;
    if (parts.isEmpty()) text = tr("In the photo: no description yet");
    else if (outcome.existingFromSnaption) text = tr("In the photo, written by Snaption: %1").arg(parts.join(tr("; ")));
    else text = tr("In the photo, written by a person: %1").arg(parts.join(tr("; ")));
    m_existing->setText(text);
    m_existing->setVisible(true);
}

void CaptionTab::showCurrent()
{
    const ImageListModel::Entry *entry = currentEntry();
    showExistingDescription(entry);
    showUnsureMark(entry);
    m_caption->setReadOnly(!entry || entry->state != ImageListModel::State::Done);
    if (!entry) {
        m_shownId = -1;
        m_view->clear();
        m_words->setWords({}, {});
        setCaptionText(QString());
        return;
    }
    const bool changedImage = entry->id != m_shownId;
    m_shownId = entry->id;
    switch (entry->state) {
    case ImageListModel::State::Queued:
    case ImageListModel::State::Captioning:
        setCaptionText(tr("Captioning, please wait…"));
        m_words->setWords({}, {});
        if (changedImage) m_view->clear();
        break;
    case ImageListModel::State::Failed:
        setCaptionText(tr("Could not caption this image: %1").arg(entry->outcome.error));
        m_words->setWords({}, {});
        m_view->clear();
        break;
    case ImageListModel::State::Done: {
        const CaptionResult &result = entry->outcome.result;
        if (!entry->complete()) refreshEntry(*entry);
        // One render: the word bar then selects the first word, which the view already shows.
        m_view->show(entry->outcome.display, result.attention, result.words.empty() ? -1 : 0);
        m_heatmapControls->setModelShape(result.attention.layers(), result.attention.heads());
        m_words->setWords(result.words, result.probabilities);
        m_caption->setLanguage(QString::fromStdString(result.language));
        setCaptionText(entry->captionText());
        break;
    }
    }
}

// A finished entry whose display image and attention maps the list let go: caption it again with
// its own options (the same caption), ahead of the queue, and show it when it is back.
// For those who read rather than listen: the screen reader says "Possibly:" instead.
void CaptionTab::showUnsureMark(const ImageListModel::Entry *entry)
{
    m_unsure->setVisible(entry && entry->isUnsure());
}

void CaptionTab::refreshEntry(const ImageListModel::Entry &entry)
{
    if (m_refreshing.contains(entry.id)) return;
    m_refreshing.insert(entry.id);
    widgets::CaptionJob job;
    job.id = entry.id;
    job.path = entry.path;
    job.pixels = entry.pixels;
    job.options = entry.outcome.options;
    job.refresh = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job] { worker->enqueue(job); }, Qt::QueuedConnection);
}

void CaptionTab::cancelAll()
{
    if (!isBusy()) return; // nothing to cancel, nothing to report
    m_worker->cancel();
    m_refreshing.clear(); // dropped with the queue: selecting such an image asks again
    for (const ImageListModel::Entry &entry : m_images->entries()) {
        if (entry.state == ImageListModel::State::Queued) {
            widgets::CaptionOutcome outcome;
            outcome.id = entry.id;
            outcome.error = tr("cancelled");
            m_images->setOutcome(outcome);
        }
    }
    Q_EMIT statusMessage(tr("Captioning cancelled"));
    Q_EMIT unfinishedDropped();
}

void CaptionTab::recaptionAll()
{
    // The selected image first, so its new caption shows at once.
    const ImageListModel::Entry *current = currentEntry();
    m_worker->cancel();
    m_batchTotal = m_batchDone = 0;
    if (current) enqueue(current->id);
    for (const ImageListModel::Entry &entry : m_images->entries()) {
        if (!current || entry.id != current->id) enqueue(entry.id);
    }
}

QLineEdit *CaptionTab::captionField() const
{
    return m_caption;
}

void CaptionTab::setCaptionLanguages(const QStringList &languages, const QString &current)
{
    const QSignalBlocker quiet(m_language);
    m_language->clear();
    for (const QString &language : languages) m_language->addItem(widgets::InstalledModels::displayName(language), language);
    m_language->setCurrentIndex(m_language->findData(current));
    m_language->setEnabled(languages.size() > 1);
    m_languageLabel->setVisible(!languages.isEmpty());
    m_language->setVisible(!languages.isEmpty());
}

void CaptionTab::copyCaption()
{
    const ImageListModel::Entry *entry = currentEntry();
    if (!entry || entry->state != ImageListModel::State::Done) return;
    QApplication::clipboard()->setText(entry->captionText());
    Q_EMIT statusMessage(tr("Caption copied"));
}

void CaptionTab::speakCaption()
{
    // Unsure captions are read "Possibly: ..." unless the field holds a person's own words.
    const ImageListModel::Entry *entry = currentEntry();
    const bool modelCaption = entry && entry->state == ImageListModel::State::Done && m_caption->text() == entry->captionText();
    m_speaker->say(modelCaption ? m_images->spokenCaption(*entry) : m_caption->text(), m_caption->language());
}

void CaptionTab::clear()
{
    m_worker->cancel();
    m_refreshing.clear();
    m_images->clear();
    m_batchTotal = m_batchDone = 0;
    updateProgress();
    showCurrent();
    Q_EMIT unfinishedDropped();
}

} // namespace snaption::gui
