#include <snaption/training/distributedsetup.h>

#include <snaption/error.h>

#include <cerrno>
#include <cstdlib>

namespace snaption::training {

namespace {

std::optional<long> integerVariable(const char *name, long low, long high)
{
    const char *text = std::getenv(name);
    if (!text) return std::nullopt;
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || errno != 0 || value < low || value > high)
        throw Error(ErrorKind::InvalidArgument,
                    std::string(name) + "=\"" + text + "\": expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return value;
}

} // namespace

std::optional<DistributedSetup> DistributedSetup::fromEnvironment()
{
    const auto rank = integerVariable("RANK", 0, 65535);
    const auto worldSize = integerVariable("WORLD_SIZE", 1, 65536);
    if (!rank || !worldSize) return std::nullopt;
    DistributedSetup setup;
    setup.rank = int(*rank);
    setup.worldSize = int(*worldSize);
    setup.localRank = int(integerVariable("LOCAL_RANK", 0, 65535).value_or(0));
    if (const char *address = std::getenv("MASTER_ADDR"); address && *address) setup.masterAddress = address;
    else if (setup.worldSize > 1) throw Error(ErrorKind::InvalidArgument, "MASTER_ADDR is not set: where does rank 0 listen?");
    setup.masterPort = int(integerVariable("MASTER_PORT", 1, 65535).value_or(29500));
    setup.validate();
    return setup;
}

void DistributedSetup::validate() const
{
    if (worldSize < 1) throw Error(ErrorKind::InvalidArgument, "WORLD_SIZE must be at least 1");
    if (rank < 0 || rank >= worldSize)
        throw Error(ErrorKind::InvalidArgument, "RANK " + std::to_string(rank) + " is outside WORLD_SIZE " + std::to_string(worldSize));
    if (masterPort < 1 || masterPort > 65535) throw Error(ErrorKind::InvalidArgument, "MASTER_PORT must be 1 to 65535");
    if (!(timeoutSeconds >= 1 && timeoutSeconds <= 86400)) throw Error(ErrorKind::InvalidArgument, "the rank timeout must be 1 to 86400 seconds");
}

} // namespace snaption::training
