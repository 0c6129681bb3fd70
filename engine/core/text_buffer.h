#pragma once
// Text written piece by piece through a pointer into a string sized ahead, for writers of many
// short pieces of unknown total length (the parameter files). In WebAssembly each
// std::string::append is a call into libc++ that is not inlined, then a call to memcpy: about
// half of such a writer's time there. Here a piece of known length is a few stores, and the
// string is sized twice in all (ahead, and to what was written). Where the room for a piece of
// text is known exactly, a plain cursor does (TextCursor in mission/plan_format.cpp).

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "core/numbers.h"

namespace lowsky {

class TextBuffer {
public:
    explicit TextBuffer(size_t expected_bytes) { grow(std::max<size_t>(expected_bytes, 64)); }

    // A literal: its length is known here, so the copy is inlined.
    template <size_t N>
    TextBuffer& operator<<(const char (&literal)[N]) { return put(literal, N - 1); }
    TextBuffer& operator<<(std::string_view piece) { return put(piece.data(), piece.size()); }
    TextBuffer& operator<<(const std::string& piece) { return put(piece.data(), piece.size()); }
    TextBuffer& operator<<(char c) {
        room(1);
        *at_++ = c;
        return *this;
    }
    // As printf's "%.*f" (0 to 17 decimals).
    TextBuffer& fixed(double value, int decimals) {
        room(kFixedTextMax);
        at_ = write_fixed(at_, value, decimals);
        return *this;
    }
    // As printf's "%.*g" (1 to 17 significant digits).
    TextBuffer& general(double value, int significant) {
        room(kFixedTextMax);
        at_ = write_general(at_, value, significant);
        return *this;
    }

    size_t size() const { return size_t(at_ - text_.data()); }
    std::string take() && {
        text_.resize(size());
        return std::move(text_);
    }

private:
    TextBuffer& put(const char* data, size_t n) {
        room(n);
        std::memcpy(at_, data, n);
        at_ += n;
        return *this;
    }
    void room(size_t n) {
        if (size_t(end_ - at_) < n) grow(n);
    }
    // The string's own pointer is read only here: libc++ tests whether a string is short on
    // every access to its bytes.
    void grow(size_t n) {
        const size_t written = at_ ? size() : 0;
        text_.resize(std::max(text_.size() * 2, written + n));
        at_ = text_.data() + written;
        end_ = text_.data() + text_.size();
    }

    std::string text_;  // its size is the room; the bytes before at_ are written
    char* at_ = nullptr;
    char* end_ = nullptr;
};

}  // namespace lowsky
