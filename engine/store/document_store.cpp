#include "store/document_store.h"

#include <algorithm>
#include <cstdio>
#include <dirent.h>

#include "core/file_io.h"
#include "core/json_read.h"

namespace lowsky {

bool valid_document_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

namespace {

Error bad_id(const std::string& id) { return make_error("not a document id: \"" + id + "\"", "", "store.bad_id"); }

std::vector<uint8_t> bytes_of(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

}  // namespace

std::string stored_document_json(const StoredDocument& d) {
    return Json{{"id", d.id}, {"name", d.name}, {"saved_ms", d.saved_ms}, {"bytes", d.bytes}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<StoredDocument> stored_document_from_json(const std::string& text) {
    auto parsed = parse_json_text(text, "stored document");
    if (!parsed) return std::nullopt;
    return stored_document_from(parsed.value());
}

std::optional<StoredDocument> stored_document_from(const Json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string() || !j.contains("name") || !j["name"].is_string() || !j.contains("saved_ms") ||
        !j["saved_ms"].is_number() || !j.contains("bytes") || !j["bytes"].is_number_unsigned())
        return std::nullopt;
    return StoredDocument{j["id"].get<std::string>(), j["name"].get<std::string>(), j["saved_ms"].get<double>(), j["bytes"].get<size_t>()};
}

void DirectoryStore::put(const StoredDocument& meta, const std::string& text, Done done) {
    if (!valid_document_id(meta.id)) return done(bad_id(meta.id));
    // The document first, then its entry in the list: a failure between leaves the old entry.
    if (!write_file_bytes(path(meta.id, ".json"), bytes_of(text))) return done(make_error("could not write the document", path(meta.id, ".json")));
    if (!write_file_bytes(path(meta.id, ".meta.json"), bytes_of(stored_document_json(meta)))) return done(make_error("could not write its entry", path(meta.id, ".meta.json")));
    done(std::nullopt);
}

void DirectoryStore::get(const std::string& id, std::function<void(Result<std::string>)> done) {
    if (!valid_document_id(id)) return done(bad_id(id));
    auto bytes = read_file_bytes(path(id, ".json"));
    if (!bytes) return done(make_error("no such document", id, "store.missing"));
    done(std::string(bytes.value().begin(), bytes.value().end()));
}

void DirectoryStore::list(std::function<void(Result<std::vector<StoredDocument>>)> done) {
    std::vector<StoredDocument> out;
    DIR* dir = opendir(folder_.c_str());
    if (!dir) return done(out);  // no folder yet: no documents
    while (const dirent* e = readdir(dir)) {
        const std::string name = e->d_name;
        const std::string suffix = ".meta.json";
        if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        auto bytes = read_file_bytes(folder_ + "/" + name);
        if (!bytes) continue;
        if (auto meta = stored_document_from_json(std::string(bytes.value().begin(), bytes.value().end()))) out.push_back(*meta);
    }
    closedir(dir);
    std::sort(out.begin(), out.end(), [](const StoredDocument& a, const StoredDocument& b) { return a.saved_ms != b.saved_ms ? a.saved_ms > b.saved_ms : a.id < b.id; });
    done(out);
}

void DirectoryStore::rename(const std::string& id, const std::string& name, Done done) {
    if (!valid_document_id(id)) return done(bad_id(id));
    auto bytes = read_file_bytes(path(id, ".meta.json"));
    std::optional<StoredDocument> meta = bytes ? stored_document_from_json(std::string(bytes.value().begin(), bytes.value().end())) : std::nullopt;
    if (!meta) return done(make_error("no such document", id, "store.missing"));
    meta->name = name;
    if (!write_file_bytes(path(id, ".meta.json"), bytes_of(stored_document_json(*meta)))) return done(make_error("could not write its entry", path(id, ".meta.json")));
    done(std::nullopt);
}

void DirectoryStore::remove(const std::string& id, Done done) {
    if (!valid_document_id(id)) return done(bad_id(id));
    std::remove(path(id, ".meta.json").c_str());
    std::remove(path(id, ".json").c_str());
    done(std::nullopt);
}

}  // namespace lowsky
