#pragma once

#include <string>
#include <vector>

namespace snaption::training {

// A text of the trainer for people (a phase, a message), in English and in the parts a program
// needs to show it in its user's language. The patterns are marked for Qt's translation tools in
// the context "Trainer"; a Qt program translates with
// QCoreApplication::translate("Trainer", pattern, nullptr, count) and fills in the arguments.
struct TrainingText {
    std::string pattern;                // e.g. "training on %1 images, %n step(s) per epoch"
    std::vector<std::string> arguments; // for %1, %2, ... in order
    int count = -1;                     // the number for %n; -1: the pattern has none

    // The pattern filled in, "(s)" made singular or plural by `count`.
    std::string english() const;
};

} // namespace snaption::training
