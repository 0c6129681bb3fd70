#pragma once
// Where scenario documents are kept between sessions: several side by side, each with a name,
// the time it was saved and its size. An interface with callbacks, because the browser's
// store (IndexedDB) answers later; the native one here (a folder) answers at once, for the
// tests and the command line. Settings (small strings) live beside the documents.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/json_read.h"
#include "core/result.h"

namespace lowsky {

struct StoredDocument {
    std::string id;        // the store's key: letters, digits, '-' and '_'
    std::string name;      // the scenario's name, for the list
    double saved_ms = 0;   // milliseconds since 1970
    size_t bytes = 0;
};

class DocumentStore {
public:
    virtual ~DocumentStore() = default;
    using Done = std::function<void(std::optional<Error>)>;
    virtual void put(const StoredDocument& meta, const std::string& text, Done done) = 0;
    virtual void get(const std::string& id, std::function<void(Result<std::string>)> done) = 0;
    virtual void list(std::function<void(Result<std::vector<StoredDocument>>)> done) = 0;  // newest first
    virtual void rename(const std::string& id, const std::string& name, Done done) = 0;
    virtual void remove(const std::string& id, Done done) = 0;
};

bool valid_document_id(const std::string& id);

// A document's entry as JSON text, and back (nullopt for anything else): the one form both
// stores keep it in.
std::string stored_document_json(const StoredDocument& document);
std::optional<StoredDocument> stored_document_from_json(const std::string& text);
std::optional<StoredDocument> stored_document_from(const Json& value);

// Documents as files in a folder: ID.json and ID.meta.json, each written atomically.
class DirectoryStore : public DocumentStore {
public:
    explicit DirectoryStore(std::string folder) : folder_(std::move(folder)) {}
    void put(const StoredDocument& meta, const std::string& text, Done done) override;
    void get(const std::string& id, std::function<void(Result<std::string>)> done) override;
    void list(std::function<void(Result<std::vector<StoredDocument>>)> done) override;
    void rename(const std::string& id, const std::string& name, Done done) override;
    void remove(const std::string& id, Done done) override;

private:
    std::string path(const std::string& id, const char* suffix) const { return folder_ + "/" + id + suffix; }
    std::string folder_;
};

}  // namespace lowsky
