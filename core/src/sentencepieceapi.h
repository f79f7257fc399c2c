#pragma once

#include <string>
#include <vector>

namespace snaption {

// What the SentencePiece module (libsnaption_sentencepiece.so, sentencepiecemodule.cpp) offers.
// Debian's libsentencepiece carries its own copy of protobuf-lite with exported symbols; linked
// into a process with LibTorch's libprotobuf, one library's static initialisers run the other's
// code and the process crashes before main(). So SentencePiece lives in a module that
// SentencePieceLibrary opens privately (RTLD_LOCAL | RTLD_DEEPBIND): its symbols stay its own.
// Both sides share one libstdc++, so C++ types may cross; exceptions do not.
struct SentencePieceApi {
    static constexpr int kVersion = 1;
    static constexpr const char *kEntryPoint = "snaption_sentencepiece_api";

    int version = kVersion;
    // Trains a unigram model on the sentences; an empty string on success, else why not.
    std::string (*train)(const std::vector<std::string> &sentences, int pieces, std::string *model) = nullptr;
    // A loaded model (nullptr with *error set when the bytes are not one).
    void *(*load)(const std::string &model, std::string *error) = nullptr;
    void (*unload)(void *processor) = nullptr;
    std::vector<std::string> (*pieces)(const void *processor) = nullptr;
    std::vector<int> (*encode)(const void *processor, const std::string &text) = nullptr;
};

} // namespace snaption

extern "C" {
using SnaptionSentencePieceEntry = const snaption::SentencePieceApi *(*)();
}
