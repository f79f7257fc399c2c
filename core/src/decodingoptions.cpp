#include <snaption/decodingoptions.h>

#include <snaption/error.h>

#include <cmath>
#include <sstream>

namespace snaption {

DecodingOptions DecodingOptions::greedy()
{
    DecodingOptions options;
    options.strategy = Strategy::Greedy;
    return options;
}

DecodingOptions DecodingOptions::beam(int width)
{
    DecodingOptions options;
    options.strategy = Strategy::Beam;
    options.beamWidth = width;
    return options;
}

DecodingOptions DecodingOptions::sample(int topK, float temperature, std::uint64_t seed)
{
    DecodingOptions options;
    options.strategy = Strategy::Sample;
    options.topK = topK;
    options.temperature = temperature;
    options.seed = seed;
    return options;
}

void DecodingOptions::validate() const
{
    if (strategy == Strategy::Beam && (beamWidth < 1 || beamWidth > 64))
        throw Error(ErrorKind::InvalidArgument, "beam width must be between 1 and 64, not " + std::to_string(beamWidth));
    if (strategy == Strategy::Beam && !(lengthPenalty >= 0.0 && lengthPenalty <= 2.0))
        throw Error(ErrorKind::InvalidArgument, "length penalty must be between 0 and 2");
    if (strategy == Strategy::Sample) {
        if (topK < 0) throw Error(ErrorKind::InvalidArgument, "top-k must not be negative");
        if (!(temperature > 0.0f) || !std::isfinite(temperature) || temperature > 100.0f)
            throw Error(ErrorKind::InvalidArgument, "temperature must be above 0 and at most 100");
    }
    if (maxTokens < 0) throw Error(ErrorKind::InvalidArgument, "maximum caption length must not be negative");
}

std::string DecodingOptions::describe() const
{
    std::ostringstream out;
    switch (strategy) {
    case Strategy::Greedy: out << "greedy"; break;
    case Strategy::Beam:
        out << "beam " << beamWidth;
        if (lengthPenalty != DecodingOptions().lengthPenalty) out << " length penalty " << lengthPenalty;
        break;
    case Strategy::Sample: out << "sample top-k " << topK << " temperature " << temperature << " seed " << seed; break;
    }
    if (!useKvCache) out << " (no cache)";
    return out.str();
}

bool DecodingOptions::operator==(const DecodingOptions &other) const
{
    return strategy == other.strategy && beamWidth == other.beamWidth && lengthPenalty == other.lengthPenalty && topK == other.topK &&
           temperature == other.temperature && seed == other.seed && useKvCache == other.useKvCache && maxTokens == other.maxTokens &&
           gradCamMaps == other.gradCamMaps;
}

} // namespace snaption
