#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace snaption::widgets {

// Shown while no model is loaded: the ways to get one.
class StartPage : public QWidget {
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);
    void setMessage(const QString &message); // e.g. why the last model failed to load
    void setDemoAvailable(bool available);

Q_SIGNALS:
    void openModelRequested();
    void importRequested();
    void downloadRequested();
    void createDemoRequested();

private:
    QLabel *m_message;
    QPushButton *m_demo;
};

} // namespace snaption::widgets
