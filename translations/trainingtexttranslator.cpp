#include "trainingtexttranslator.h"

#include <QCoreApplication>
#include <QStringList>

namespace snaption {
namespace {

// Fills %1..%9 in one pass, so that an argument's own "%2" is not replaced in turn.
QString fillArguments(const QString &pattern, const QStringList &arguments)
{
    QString text;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar next = i + 1 < pattern.size() ? pattern.at(i + 1) : QChar();
        if (pattern.at(i) == QLatin1Char('%') && next >= QLatin1Char('1') && next <= QLatin1Char('9') &&
            next.unicode() - '1' < arguments.size()) {
            text += arguments.at(next.unicode() - '1');
            ++i;
        } else {
            text += pattern.at(i);
        }
    }
    return text;
}

} // namespace

QString TrainingTextTranslator::translate(const training::TrainingText &text)
{
    const QString source = QString::fromStdString(text.pattern);
    const QString translated = QCoreApplication::translate("Trainer", text.pattern.c_str(), nullptr, text.count);
    QString untranslated = source;
    if (text.count >= 0) untranslated.replace(QLatin1String("%n"), QString::number(text.count));
    if (translated == untranslated) return QString::fromStdString(text.english());
    QStringList arguments;
    for (const std::string &argument : text.arguments) arguments << QString::fromStdString(argument);
    return fillArguments(translated, arguments);
}

} // namespace snaption
