#include "exiv2session.h"

#include <mutex>

namespace snaption::metadata {
namespace {

std::mutex &xmpToolkitMutex()
{
    static std::mutex mutex;
    return mutex;
}

void lockXmpToolkit(void *, bool lock)
{
    if (lock) xmpToolkitMutex().lock();
    else xmpToolkitMutex().unlock();
}

} // namespace

void ensureExiv2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(lockXmpToolkit, nullptr);
        Exiv2::XmpProperties::registerNs(kSnaptionNamespace, kSnaptionPrefix);
    });
}

} // namespace snaption::metadata
