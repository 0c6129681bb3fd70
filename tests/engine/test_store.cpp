// Autosave's timing and the native document store: what the browser's IndexedDB store does
// later, this one does at once, through the same interface.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "store/autosave.h"
#include "store/document_store.h"

using namespace lowsky;

TEST_CASE("Autosave writes the first change at once, gathers the rest, and says why it failed", "[store]") {
    Autosaver a(800);
    a.reset(1);
    CHECK(a.status() == "saved");
    CHECK_FALSE(a.due(0).has_value());

    a.changed(2);                 // after a quiet spell: at once
    REQUIRE(a.due(1000) == 2u);
    a.started(2, 1000);
    CHECK(a.status() == "saving...");
    a.changed(3);                 // while writing: waits
    a.changed(4);
    CHECK_FALSE(a.due(1030).has_value());
    a.finished(2, std::nullopt);
    CHECK(a.state() == SaveState::Waiting);
    CHECK_FALSE(a.due(1500).has_value());  // within the pause after the last write
    REQUIRE(a.due(1800) == 4u);            // the pause is over: the newest revision, once
    a.started(4, 1800);
    a.finished(4, std::nullopt);
    CHECK(a.status() == "saved");
    CHECK_FALSE(a.unsaved());

    // A failure keeps the work unsaved, says why, and waits for the next change to try again.
    a.changed(5);
    REQUIRE(a.due(5000) == 5u);
    a.started(5, 5000);
    a.finished(5, make_error("the browser's storage is full (QuotaExceededError)"));
    CHECK(a.state() == SaveState::Failed);
    CHECK(a.status() == "not saved: the browser's storage is full (QuotaExceededError)");
    CHECK(a.unsaved());
    CHECK_FALSE(a.due(9000).has_value());
    a.changed(6);
    REQUIRE(a.due(9000) == 6u);
    // A late answer for an old write changes nothing.
    a.started(6, 9000);
    a.finished(5, std::nullopt);
    CHECK(a.state() == SaveState::Saving);
}

TEST_CASE("The folder store keeps documents side by side, newest first, and refuses odd ids", "[store]") {
    char folder_template[] = "/tmp/lowsky-store-XXXXXX";
    const char* folder = mkdtemp(folder_template);
    REQUIRE(folder != nullptr);
    DirectoryStore store(folder);
    std::optional<Error> failure;
    auto done = [&](std::optional<Error> e) { failure = std::move(e); };
    store.put({"doc-1", "GBA", 1000, 5}, "{\"a\"}", done);
    CHECK_FALSE(failure);
    store.put({"doc-2", "Qianhai", 2000, 2}, "{}", done);
    CHECK_FALSE(failure);
    store.rename("doc-1", "GBA, Tuesday", done);
    CHECK_FALSE(failure);
    std::vector<StoredDocument> listed;
    store.list([&](Result<std::vector<StoredDocument>> r) { REQUIRE(r.ok()); listed = r.value(); });
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == "doc-2");
    CHECK(listed[1].name == "GBA, Tuesday");
    CHECK(listed[1].bytes == 5);
    store.get("doc-1", [](Result<std::string> r) { REQUIRE(r.ok()); CHECK(r.value() == "{\"a\"}"); });
    store.remove("doc-2", done);
    store.list([&](Result<std::vector<StoredDocument>> r) { CHECK(r.value().size() == 1); });
    store.get("doc-2", [](Result<std::string> r) { CHECK_FALSE(r.ok()); });
    store.put({"../escape", "x", 0, 0}, "{}", done);
    REQUIRE(failure);
    CHECK(failure->code == "store.bad_id");
    store.remove("doc-1", done);
    CHECK(std::system((std::string("rmdir ") + folder).c_str()) == 0);  // nothing left behind
}
