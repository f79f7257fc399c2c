#include "historytab.h"

#include <snaption/widgets/announcer.h>
#include <snaption/widgets/historymodel.h>

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace snaption::gui {

HistoryTab::HistoryTab(widgets::HistoryModel *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_list(new QListView(this)), m_copy(new QPushButton(tr("C&opy Caption"), this)),
      m_clear(new QPushButton(tr("Clea&r History"), this))
{
    auto *label = new QLabel(tr("Descr&ibed images:"), this);
    label->setBuddy(m_list);
    m_list->setModel(history);
    m_list->setIconSize({widgets::HistoryModel::kThumbnailSize, widgets::HistoryModel::kThumbnailSize});
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setAccessibleName(tr("History"));
    m_list->setAccessibleDescription(tr("Captions of copied images, newest first"));
    m_copy->setAccessibleDescription(tr("Copies the selected caption to the clipboard"));
    m_clear->setAccessibleDescription(tr("Removes every entry from the history"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    auto *copyShortcut = new QShortcut(QKeySequence::Copy, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &HistoryTab::copySelected);
    connect(m_copy, &QPushButton::clicked, this, &HistoryTab::copySelected);
    connect(m_clear, &QPushButton::clicked, m_history, &widgets::HistoryModel::clear);
    connect(m_history, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_list->currentIndex().isValid() || m_list->currentIndex().row() == 1) m_list->setCurrentIndex(m_history->index(0));
        updateButtons();
    });
    connect(m_history, &QAbstractItemModel::modelReset, this, &HistoryTab::updateButtons);
    updateButtons();
}

void HistoryTab::copySelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) return;
    QApplication::clipboard()->setText(current.data(widgets::HistoryModel::CaptionRole).toString());
    const QString message = tr("Caption copied to the clipboard");
    Q_EMIT statusMessage(message);
    widgets::Announcer::announce(this, message);
}

void HistoryTab::updateButtons()
{
    const bool any = m_history->rowCount() > 0;
    m_copy->setEnabled(any);
    m_clear->setEnabled(any);
}

} // namespace snaption::gui
