#pragma once

#include <snaption/training/trainingtext.h>

#include <QString>

namespace snaption {

// Shows the trainer's texts in the user's language: the pattern translated in the context
// "Trainer" (with plural forms for %n), then the arguments filled in. Without a translation the
// library's own English is shown.
class TrainingTextTranslator
{
public:
    static QString translate(const training::TrainingText &text);
};

} // namespace snaption
