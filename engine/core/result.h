#pragma once
// Result<T>: a value or an error that says what went wrong and where. The engine never throws
// across its boundary (Emscripten builds have exceptions off), so every fallible call returns one.

#include <optional>
#include <string>
#include <utility>

namespace lowsky {

struct Error {
    std::string message;  // what went wrong, for a person
    std::string where;    // file, JSON path, byte offset, line:column or the request's field; never a command-line flag
    std::string code = {};  // a stable id for programs ("route.unknown_hub"); empty where the message is all there is

    std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }

    const Error& error() const { return error_; }

private:
    std::optional<T> value_;
    Error error_;
};

inline Error make_error(std::string message, std::string where = {}, std::string code = {}) {
    return Error{std::move(message), std::move(where), std::move(code)};
}

}  // namespace lowsky
