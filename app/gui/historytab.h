#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace snaption::widgets {
class HistoryModel;
}

namespace snaption::gui {

// The History tab: every caption made for an image from outside the list (a copied image), newest
// first, to browse and copy from with the keyboard or a screen reader.
class HistoryTab : public QWidget {
    Q_OBJECT

public:
    HistoryTab(widgets::HistoryModel *history, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    // The selected entry's caption onto the clipboard (Ctrl+C in the list, or the button).
    void copySelected();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void updateButtons();

    widgets::HistoryModel *m_history;
    QListView *m_list;
    QPushButton *m_copy;
    QPushButton *m_clear;
};

} // namespace snaption::gui
