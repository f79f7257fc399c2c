// libFuzzer targets for the metadata library (built by scripts/fuzz.sh):
//   journal: any line must parse as a record or be refused, never crash;
//   photometadata: any file (a mutated photo) must be read, written into and restored, or refused
//   with a MetadataProblem: no exception escapes, nothing crashes in Snaption's code.
#include <snaption/metadata/metadatajournal.h>
#include <snaption/metadata/metadatareader.h>
#include <snaption/metadata/metadatarestorer.h>
#include <snaption/metadata/metadatawriter.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

using namespace snaption::metadata;

namespace {

void fuzzJournalLine(const std::uint8_t *data, std::size_t size)
{
    WriteRecord record;
    MetadataJournal::fromJsonLine(std::string(reinterpret_cast<const char *>(data), size), record);
}

void fuzzPhoto(const std::uint8_t *data, std::size_t size)
{
    static const std::string folder = [] {
        char pattern[] = "/tmp/fuzz-metadata-XXXXXX";
        return std::string(::mkdtemp(pattern));
    }();
    const std::string photo = folder + "/photo";
    std::ofstream(photo, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char *>(data), std::streamsize(size));
    try {
        MetadataReader::read(photo);
    } catch (const MetadataError &) {
    }
    WriteOptions options;
    options.fields = CaptionFields::all();
    CaptionToWrite caption;
    caption.text = "a dog runs through the grass";
    caption.modelHash = "fuzz";
    const WriteRecord record = MetadataWriter(options).write(photo, caption);
    if (record.status == WriteStatus::Written) MetadataRestorer::restore(record);
    ::unlink(photo.c_str());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (std::string(SNAPTION_FUZZ_FORMAT) == "journal") fuzzJournalLine(data, size);
    else fuzzPhoto(data, size);
    return 0;
}
