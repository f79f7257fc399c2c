#include <snaption/training/trainingtext.h>

namespace snaption::training {

std::string TrainingText::english() const
{
    std::string text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (c == '%' && next == 'n' && count >= 0) {
            text += std::to_string(count);
            ++i;
        } else if (c == '%' && next >= '1' && next <= '9' && std::size_t(next - '1') < arguments.size()) {
            text += arguments[std::size_t(next - '1')]; // one pass: an argument's own "%2" stays as it is
            ++i;
        } else if (pattern.compare(i, 3, "(s)") == 0 && count >= 0) {
            if (count != 1) text += 's';
            i += 2;
        } else {
            text += c;
        }
    }
    return text;
}

} // namespace snaption::training
