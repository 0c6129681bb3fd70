#pragma once
// Little-endian byte reading and writing for the engine's binary assets, with bounds checks:
// a truncated or hostile file ends in an error, never in a read past the end.

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace lowsky {

class ByteReader {
public:
    ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

    size_t offset() const { return offset_; }
    size_t remaining() const { return size_ - offset_; }
    bool failed() const { return failed_; }

    bool read_bytes(void* out, size_t n) {
        if (failed_ || n > remaining()) { failed_ = true; return false; }
        std::memcpy(out, data_ + offset_, n);
        offset_ += n;
        return true;
    }
    uint8_t u8() { uint8_t v = 0; read_bytes(&v, 1); return v; }
    uint16_t u16() { uint8_t b[2] = {}; read_bytes(b, 2); return uint16_t(b[0] | b[1] << 8); }
    uint32_t u32() {
        uint8_t b[4] = {};
        read_bytes(b, 4);
        return uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
    }
    int32_t i32() { return int32_t(u32()); }

private:
    const uint8_t* data_;
    size_t size_;
    size_t offset_ = 0;
    bool failed_ = false;
};

class ByteWriter {
public:
    void reserve(size_t n) { out_.reserve(n); }
    void bytes(const void* p, size_t n) {
        auto b = static_cast<const uint8_t*>(p);
        out_.insert(out_.end(), b, b + n);
    }
    void u8(uint8_t v) { out_.push_back(v); }
    void u16(uint16_t v) { u8(uint8_t(v)); u8(uint8_t(v >> 8)); }
    void u32(uint32_t v) { u16(uint16_t(v)); u16(uint16_t(v >> 16)); }
    void i32(int32_t v) { u32(uint32_t(v)); }
    const std::vector<uint8_t>& data() const { return out_; }
    std::vector<uint8_t> take() { return std::move(out_); }  // the bytes, without a copy

private:
    std::vector<uint8_t> out_;
};

// CRC-32 (IEEE 802.3, the one zip and PNG use).
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace lowsky
