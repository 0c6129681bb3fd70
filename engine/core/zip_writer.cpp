#include "core/zip_writer.h"

#include "core/bytes.h"

namespace lowsky {

namespace {
constexpr uint16_t kVersion = 20;         // 2.0: stored entries, no features beyond
constexpr uint16_t kDosDate_1980_01_01 = (0 << 9) | (1 << 5) | 1;
constexpr uint16_t kFlagUtf8Names = 1 << 11;
}  // namespace

std::vector<uint8_t> write_zip(const std::vector<ZipEntry>& entries) {
    constexpr size_t kLocalHeader = 30, kDirectoryHeader = 46, kEnd = 22;
    size_t size = kEnd;
    for (const auto& e : entries) size += kLocalHeader + kDirectoryHeader + 2 * e.name.size() + e.data.size();
    ByteWriter out;
    out.reserve(size);
    std::vector<uint32_t> offsets, crcs;
    for (const auto& e : entries) {
        offsets.push_back(uint32_t(out.data().size()));
        crcs.push_back(crc32(reinterpret_cast<const uint8_t*>(e.data.data()), e.data.size()));
        out.u32(0x04034b50);  // local file header
        out.u16(kVersion);
        out.u16(kFlagUtf8Names);
        out.u16(0);  // stored
        out.u16(0);  // time 00:00
        out.u16(kDosDate_1980_01_01);
        out.u32(crcs.back());
        out.u32(uint32_t(e.data.size()));
        out.u32(uint32_t(e.data.size()));
        out.u16(uint16_t(e.name.size()));
        out.u16(0);
        out.bytes(e.name.data(), e.name.size());
        out.bytes(e.data.data(), e.data.size());
    }
    const uint32_t directory = uint32_t(out.data().size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        out.u32(0x02014b50);  // central directory header
        out.u16(kVersion);    // made by
        out.u16(kVersion);    // needed
        out.u16(kFlagUtf8Names);
        out.u16(0);
        out.u16(0);
        out.u16(kDosDate_1980_01_01);
        out.u32(crcs[i]);
        out.u32(uint32_t(e.data.size()));
        out.u32(uint32_t(e.data.size()));
        out.u16(uint16_t(e.name.size()));
        out.u16(0);  // extra
        out.u16(0);  // comment
        out.u16(0);  // disk
        out.u16(0);  // internal attributes
        out.u32(0);  // external attributes
        out.u32(offsets[i]);
        out.bytes(e.name.data(), e.name.size());
    }
    const uint32_t directory_size = uint32_t(out.data().size()) - directory;
    out.u32(0x06054b50);  // end of central directory
    out.u16(0);
    out.u16(0);
    out.u16(uint16_t(entries.size()));
    out.u16(uint16_t(entries.size()));
    out.u32(directory_size);
    out.u32(directory);
    out.u16(0);
    return out.take();
}

}  // namespace lowsky
