#pragma once
// Outside text, checked where it enters. lowsky reads UTF-8 only: a file in another encoding is
// refused with where its first byte that is not UTF-8 is (or named as UTF-16 or UTF-32 when
// its byte order mark or its zero bytes say so), never passed on to fail later. And text on its
// way into a message or a JSON document is made safe to print (docs/robustness.md).

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace lowsky {

// The offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are not), or nullopt when it all is.
std::optional<size_t> invalid_utf8_at(std::string_view text);

// A refusal when `text` is not UTF-8: the encoding if it is recognisably UTF-16 or UTF-32, else
// the first bad byte with its offset, line and column.
std::optional<Error> require_utf8(std::string_view text, const std::string& source);

// `raw` with every byte that is not valid UTF-8, and every control character, written as \xNN.
std::string printable(std::string_view raw);

// "850 m", "3.2 km": a distance in a message.
std::string metres(double m);

}  // namespace lowsky
