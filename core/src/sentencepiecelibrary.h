#pragma once

#include "sentencepieceapi.h"

namespace snaption {

// Opens libsnaption_sentencepiece.so, from the folder libsnaption_core was loaded from, once per
// process and privately (see sentencepieceapi.h). Throws Error(Io) when it cannot be opened.
class SentencePieceLibrary {
public:
    static const SentencePieceApi &api();
    static constexpr const char *kFileName = "libsnaption_sentencepiece.so";
};

} // namespace snaption
