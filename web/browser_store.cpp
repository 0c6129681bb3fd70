// The persistence half of the platform seam (platform.h): IndexedDB documents, localStorage
// settings, share links and dropped files, through web/browser.js.
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/json_read.h"
#include "platform.h"

namespace lowsky::web {

namespace {

EM_JS(void, js_store_put, (int request, const char* id, const char* meta, const char* text, int length), {
    Module.lowskyBrowser.storePut(request, UTF8ToString(id), UTF8ToString(meta), UTF8ToString(text, length));
});
EM_JS(void, js_store_get, (int request, const char* id), { Module.lowskyBrowser.storeGet(request, UTF8ToString(id)); });
EM_JS(void, js_store_list, (int request), { Module.lowskyBrowser.storeList(request); });
EM_JS(void, js_store_rename, (int request, const char* id, const char* name), {
    Module.lowskyBrowser.storeRename(request, UTF8ToString(id), UTF8ToString(name));
});
EM_JS(void, js_store_remove, (int request, const char* id), { Module.lowskyBrowser.storeRemove(request, UTF8ToString(id)); });
EM_JS(char*, js_setting_get, (const char* key), {
    const v = Module.lowskyBrowser.settingGet(UTF8ToString(key));
    if (v === null) return 0;
    const size = lengthBytesUTF8(v) + 1;
    const ptr = _malloc(size);
    stringToUTF8(v, ptr, size);
    return ptr;
});
EM_JS(int, js_setting_set, (const char* key, const char* value), {
    return Module.lowskyBrowser.settingSet(UTF8ToString(key), UTF8ToString(value)) ? 1 : 0;
});
EM_JS(void, js_share_encode, (const char* text, int length, const char* view), {
    Module.lowskyBrowser.shareEncode(UTF8ToString(text, length), UTF8ToString(view)).catch(function(e) { console.warn('share link: ' + e); });
});
EM_JS(int, js_share_take, (), { return Module.lowskyBrowser.shareTake() ? 1 : 0; });
EM_JS(int, js_tour_take, (), {
    if (location.hash !== '#tour') return 0;
    history.replaceState(null, "", location.pathname);  // a reload opens the work, not the tour again
    return 1;
});
EM_JS(void, js_watch_drops, (), { Module.lowskyBrowser.watchDrops(Module.canvas); });
EM_JS(void, js_apply_update, (), { if (typeof window.lowskyApplyUpdate === 'function') window.lowskyApplyUpdate(); else location.reload(); });

// Answers arrive later, by request number.
std::map<int, std::function<void(const char* error, std::string text)>> g_pending;
int g_next_request = 1;

int await_answer(std::function<void(const char*, std::string)> done) {
    const int id = g_next_request++;
    g_pending[id] = std::move(done);
    return id;
}

std::optional<Error> failure_of(const char* error, const std::string& what) {
    if (!error) return std::nullopt;
    return make_error(error, what, "store.browser");
}

class IndexedDbStore : public DocumentStore {
public:
    void put(const StoredDocument& meta, const std::string& text, Done done) override {
        const std::string m = stored_document_json(meta);
        js_store_put(await_answer([done](const char* e, std::string) { done(failure_of(e, "saving")); }), meta.id.c_str(), m.c_str(), text.c_str(),
                     int(text.size()));
    }
    void get(const std::string& id, std::function<void(Result<std::string>)> done) override {
        js_store_get(await_answer([done, id](const char* e, std::string text) {
                         if (e) done(make_error(e, id, "store.browser"));
                         else done(std::move(text));
                     }),
                     id.c_str());
    }
    void list(std::function<void(Result<std::vector<StoredDocument>>)> done) override {
        js_store_list(await_answer([done](const char* e, std::string text) {
            if (e) return done(make_error(e, "listing", "store.browser"));
            auto parsed = parse_json_text(text, "stored documents");
            std::vector<StoredDocument> out;
            if (parsed && parsed->is_array())
                for (const Json& j : parsed.value())
                    if (auto d = stored_document_from(j)) out.push_back(*d);
            std::sort(out.begin(), out.end(), [](const StoredDocument& a, const StoredDocument& b) { return a.saved_ms > b.saved_ms; });
            done(std::move(out));
        }));
    }
    void rename(const std::string& id, const std::string& name, Done done) override {
        js_store_rename(await_answer([done](const char* e, std::string) { done(failure_of(e, "renaming")); }), id.c_str(), name.c_str());
    }
    void remove(const std::string& id, Done done) override {
        js_store_remove(await_answer([done](const char* e, std::string) { done(failure_of(e, "deleting")); }), id.c_str());
    }
};

std::function<void(std::string)> g_share_done;
std::function<void(Result<std::string>, std::string)> g_share_opened;
std::function<void(std::string, std::vector<uint8_t>)> g_dropped;

}  // namespace

DocumentStore& platform_document_store() {
    static IndexedDbStore store;
    return store;
}

std::optional<std::string> platform_setting(const std::string& key) {
    char* value = js_setting_get(key.c_str());
    if (!value) return std::nullopt;
    std::string out(value);
    free(value);
    return out;
}

bool platform_set_setting(const std::string& key, const std::string& value) { return js_setting_set(key.c_str(), value.c_str()) != 0; }

void platform_make_share_link(const std::string& document, const std::string& view, std::function<void(std::string)> done) {
    g_share_done = std::move(done);
    js_share_encode(document.c_str(), int(document.size()), view.c_str());
}

bool platform_take_tour_link() { return js_tour_take() != 0; }

bool platform_take_share_link(std::function<void(Result<std::string>, std::string)> done) {
    g_share_opened = std::move(done);
    return js_share_take() != 0;
}

void platform_apply_update() { js_apply_update(); }

void platform_on_file_dropped(std::function<void(std::string, std::vector<uint8_t>)> handler) {
    g_dropped = std::move(handler);
    js_watch_drops();
}

}  // namespace lowsky::web

using namespace lowsky::web;

extern "C" {

EMSCRIPTEN_KEEPALIVE void lowsky_store_answer(int request, const char* error, const char* text, int length) {
    auto it = g_pending.find(request);
    if (it == g_pending.end()) return;
    auto done = std::move(it->second);
    g_pending.erase(it);
    done(error, std::string(text, size_t(length)));
    platform_request_frames();
}

EMSCRIPTEN_KEEPALIVE void lowsky_share_made(const char* link) {
    if (g_share_done) g_share_done(link);
    platform_request_frames();
}

EMSCRIPTEN_KEEPALIVE void lowsky_share_opened(const char* error, const char* text, int length, const char* view) {
    if (!g_share_opened) return;
    if (error) g_share_opened(lowsky::make_error(error, "share link", "share.damaged"), view);
    else g_share_opened(std::string(text, size_t(length)), view);
    platform_request_frames();
}

EMSCRIPTEN_KEEPALIVE void lowsky_file_dropped(const char* name, const uint8_t* data, int size) {
    if (g_dropped) g_dropped(name, std::vector<uint8_t>(data, data + size));
    platform_request_frames();
}

}
