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
    // E.g. why the last model failed to load. While shown it is also the accessible description of
    // "Open a model file…", so that focusing that button (focusOpenModel) says it.
    void setMessage(const QString &message);
    void setDemoAvailable(bool available);
    void focusOpenModel();
    QPushButton *openModelButton() const { return m_open; }

Q_SIGNALS:
    void openModelRequested();
    void importRequested();
    void downloadRequested();
    void createDemoRequested();

private:
    QLabel *m_message;
    QPushButton *m_open = nullptr;
    QString m_openDescription;
    QPushButton *m_demo;
};

} // namespace snaption::widgets
