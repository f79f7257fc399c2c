#include "outsideimages.h"

#include "captionspeaker.h"
#include "captiontab.h"
#include "desktopnotifier.h"

#include <snaption/widgets/historymodel.h>

#include <QComboBox>
#include <QTime>
#include <QWidget>

namespace snaption::gui {

OutsideImages::OutsideImages(QWidget *window, CaptionTab *tab, widgets::HistoryModel *history, QObject *parent)
    : QObject(parent), m_window(window), m_tab(tab), m_history(history), m_notifier(new DesktopNotifier(this))
{
    connect(m_tab, &CaptionTab::imageFinished, this, &OutsideImages::onImageFinished);
    connect(m_tab, &CaptionTab::unfinishedDropped, this, [this] { m_pending.clear(); });
    connect(m_notifier, &DesktopNotifier::failed, this, &OutsideImages::statusMessage);
}

int OutsideImages::add(const QImage &image, const QString &source)
{
    const int id = m_tab->addImage(image, tr("%1 %2").arg(source, QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_pending.insert(id, {source, widgets::HistoryModel::thumbnailOf(image)});
    return id;
}

bool OutsideImages::windowInFront() const
{
    // Minimised, Qt may still count the window active (openbox leaves it the focus).
    return m_window->isVisible() && !m_window->isMinimized() && m_window->isActiveWindow();
}

void OutsideImages::onImageFinished(int id, bool ok, const QString &captionOrError)
{
    const auto found = m_pending.constFind(id);
    if (found == m_pending.cend()) return;
    const Pending image = *found;
    m_pending.erase(found);
    const QString text = ok ? captionOrError : tr("Could not caption the image: %1").arg(captionOrError);
    m_history->add(image.thumbnail, text, image.source, !ok);
    if (windowInFront()) return;
    // Notifications and speech say "Possibly: ..." for an unsure caption; the history keeps the caption.
    const widgets::ImageListModel::Entry *entry = m_tab->images()->entry(id);
    const QString spoken = ok && entry ? m_tab->images()->spokenCaption(*entry) : text;
    m_notifier->notify(tr("Snaption · %1").arg(image.source), spoken);
    if (m_speakInBackground && CaptionSpeaker::isBuiltIn()) m_tab->speaker()->say(spoken, m_tab->captionLanguageBox()->currentData().toString());
}

} // namespace snaption::gui
