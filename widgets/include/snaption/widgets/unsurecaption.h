#pragma once

#include <QCoreApplication>
#include <QString>

namespace snaption::widgets {

// How a caption the model is unsure of is spoken and announced: "Possibly: A dog runs through the
// grass." The phrase is in the caption's language (a German caption gets "Möglicherweise: ..."
// even under an English interface, so the speech voice reads one language), taken from that
// language's catalogue; a language without one gets the interface language's.
class UnsureCaption {
    Q_DECLARE_TR_FUNCTIONS(UnsureCaption)
public:
    static QString hedged(const QString &caption, const QString &captionLanguage);
};

} // namespace snaption::widgets
