#pragma once

#include <string>
#include <vector>

namespace snaption::test {

// Seven German captions with compounds, forty times each: enough text to learn 60 subword pieces,
// too few pieces to hold every word whole.
inline std::vector<std::string> repeatedGermanCaptions()
{
    const std::vector<std::string> seeds{"Ein Hund rennt über die Wiese.", "Zwei Hunde spielen im Schwimmbecken.", "Ein Kind sitzt auf einer Holzbank.",
                                         "Ein Mann fährt Fahrrad auf der Straße.", "Eine Frau mit Sonnenbrille am Strand.",
                                         "Kinder spielen Fußball im Park.", "Ein Baby-Schwimmbecken im Garten."};
    std::vector<std::string> captions;
    for (int i = 0; i < 40; ++i) captions.insert(captions.end(), seeds.begin(), seeds.end());
    return captions;
}

} // namespace snaption::test
