#include "isotime.h"

#include <ctime>

namespace snaption::metadata {

std::string isoTimeNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local {};
    localtime_r(&now, &local);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string iso = text;
    if (iso.size() >= 5) iso.insert(iso.size() - 2, ":"); // +0100 -> +01:00
    return iso;
}

} // namespace snaption::metadata
