#pragma once

#include <snaption/widgets/installedmodels.h>

#include <QObject>

namespace snaption::widgets {
class CaptionWorker;
}

namespace snaption::gui {

class CaptionTab;

// The caption languages the installed models offer, in the Caption tab's language box. Choosing
// a language asks for that language's model (the most recently used one); the window loads it and
// the images are captioned again. The installed models are the model folder's files and the
// recently used ones; their headers are read on the caption worker's thread.
class CaptionLanguages : public QObject {
    Q_OBJECT

public:
    CaptionLanguages(widgets::CaptionWorker *worker, CaptionTab *tab, QObject *parent = nullptr);

    // Looks at the installed models again; `modelInUse` is the one whose language is shown.
    void refresh(const QString &modelInUse);
    // As refresh(), then asks for the model of the default caption language: the one chosen last,
    // else the interface language's, else English's.
    void chooseDefaultModel();
    const QList<widgets::InstalledModel> &models() const { return m_models; }

Q_SIGNALS:
    void modelWanted(const QString &path);
    void scanned(); // the models and the language box are up to date

private:
    void scan();
    void onScanned(const QList<widgets::InstalledModel> &models);
    void onChosen(const QString &language);
    static QStringList recentModels();

    widgets::CaptionWorker *m_worker;
    CaptionTab *m_tab;
    QList<widgets::InstalledModel> m_models;
    QString m_inUse;
    bool m_chooseDefault = false;
};

} // namespace snaption::gui
