#include "captionlanguages.h"

#include "captiontab.h"

#include <snaption/widgets/captionworker.h>
#include <snaption/widgets/modelcatalog.h>

#include <QLocale>
#include <QMetaObject>
#include <QSettings>

namespace snaption::gui {
namespace {

const char *const kLanguageKey = "caption/language";

} // namespace

CaptionLanguages::CaptionLanguages(widgets::CaptionWorker *worker, CaptionTab *tab, QObject *parent)
    : QObject(parent), m_worker(worker), m_tab(tab)
{
    connect(m_worker, &widgets::CaptionWorker::modelsScanned, this, &CaptionLanguages::onScanned);
    connect(m_tab, &CaptionTab::captionLanguageChosen, this, &CaptionLanguages::onChosen);
}

QStringList CaptionLanguages::recentModels()
{
    const QSettings settings;
    return QStringList{settings.value(QStringLiteral("model/last")).toString()} + settings.value(QStringLiteral("recent/models")).toStringList();
}

void CaptionLanguages::refresh(const QString &modelInUse)
{
    m_inUse = modelInUse;
    scan();
}

void CaptionLanguages::chooseDefaultModel()
{
    m_chooseDefault = true;
    scan();
}

void CaptionLanguages::scan()
{
    const QStringList candidates = widgets::InstalledModels::candidates(widgets::ModelCatalog::modelFolder(), recentModels());
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, candidates] { worker->scanModels(candidates); }, Qt::QueuedConnection);
}

void CaptionLanguages::onScanned(const QList<widgets::InstalledModel> &models)
{
    m_models = models;
    if (m_chooseDefault) {
        m_chooseDefault = false;
        const QString interfaceLanguage = QLocale().bcp47Name().section(QLatin1Char('-'), 0, 0);
        const QString language =
            widgets::InstalledModels::defaultLanguage(m_models, QSettings().value(QLatin1String(kLanguageKey)).toString(), interfaceLanguage);
        const QString path = widgets::InstalledModels::modelFor(m_models, language, recentModels());
        if (!path.isEmpty()) {
            m_inUse = path;
            Q_EMIT modelWanted(path);
        }
    }
    const QString inUse = widgets::InstalledModels::languageOf(m_models, m_inUse);
    // The language of the model last used is the one to start with next time, however it was chosen.
    if (!inUse.isEmpty()) QSettings().setValue(QLatin1String(kLanguageKey), inUse);
    m_tab->setCaptionLanguages(widgets::InstalledModels::languages(m_models), inUse);
    Q_EMIT scanned();
}

void CaptionLanguages::onChosen(const QString &language)
{
    const QString path = widgets::InstalledModels::modelFor(m_models, language, recentModels());
    if (path.isEmpty() || widgets::InstalledModels::languageOf(m_models, m_inUse) == language) return;
    m_inUse = path;
    Q_EMIT modelWanted(path);
}

} // namespace snaption::gui
