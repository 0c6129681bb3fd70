#include "edit/editor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "geo/geodesy.h"
#include "scenario/scenario_io.h"

namespace lowsky {

namespace {

using OJson = nlohmann::ordered_json;

// Offsets a duplicate so that it does not hide its original: about 200 m north-east.
constexpr double kDuplicateOffset_deg = 0.002;

std::string at_index(ObjectKind kind, size_t index) {
    return kind == ObjectKind::Rules ? list_path(kind) : list_path(kind) + "[" + std::to_string(index) + "]";
}

// A JSON pointer ("/floor/value_m", "/centreline/2/lat_deg") set without exceptions: the
// members on the way must exist (the last may be new), array indices must be in range ("-"
// appends).
bool set_pointer(OJson& root, const std::string& pointer, const OJson& value, std::string& why) {
    if (pointer.empty() || pointer[0] != '/') {
        why = "a field is a JSON pointer starting with \"/\"";
        return false;
    }
    std::vector<std::string> tokens;
    for (size_t i = 1;;) {
        const size_t slash = pointer.find('/', i);
        std::string raw = pointer.substr(i, slash == std::string::npos ? std::string::npos : slash - i), token;
        for (size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) token += raw[++k] == '0' ? '~' : '/';
            else token += raw[k];
        }
        tokens.push_back(token);
        if (slash == std::string::npos) break;
        i = slash + 1;
    }
    OJson* at = &root;
    for (size_t t = 0; t < tokens.size(); ++t) {
        const bool last = t + 1 == tokens.size();
        const std::string& key = tokens[t];
        if (at->is_object()) {
            auto it = at->find(key);
            if (it == at->end()) {
                if (!last) {
                    why = "no member \"" + key + "\"";
                    return false;
                }
                (*at)[key] = value;
                return true;
            }
            if (last) {
                *it = value;
                return true;
            }
            at = &*it;
        } else if (at->is_array()) {
            if (key == "-" && last) {
                at->push_back(value);
                return true;
            }
            char* end = nullptr;
            const unsigned long i = std::strtoul(key.c_str(), &end, 10);
            if (key.empty() || *end != '\0' || i >= at->size()) {
                why = "no element " + key;
                return false;
            }
            if (last) {
                (*at)[i] = value;
                return true;
            }
            at = &(*at)[i];
        } else {
            why = "\"" + key + "\" is inside a value that has no members";
            return false;
        }
    }
    return false;
}

OJson point_json(GeoPoint p) { return OJson{{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}}; }

void shift(OJson& point, GeoPoint by) {
    if (!point.is_object() || !point.contains("lat_deg") || !point.contains("lon_deg")) return;
    if (!point["lat_deg"].is_number() || !point["lon_deg"].is_number()) return;
    point["lat_deg"] = point["lat_deg"].get<double>() + by.lat_deg;
    point["lon_deg"] = point["lon_deg"].get<double>() + by.lon_deg;
}

// Moves an object's whole geometry: a hub's or junction's position, a corridor's centreline, a
// zone's polygon or centre.
void translate(OJson& o, GeoPoint by) {
    if (o.contains("position")) shift(o["position"], by);
    for (const char* list : {"centreline", "polygon"})
        if (o.contains(list) && o[list].is_array()) for (auto& p : o[list]) shift(p, by);
    if (o.contains("circle") && o["circle"].is_object() && o["circle"].contains("center")) shift(o["circle"]["center"], by);
}

// Where a kind keeps its vertices: corridors their centreline, polygon zones their polygon.
const char* vertex_list(ObjectKind kind, const OJson& o) {
    if (kind == ObjectKind::Corridor) return "centreline";
    if (kind == ObjectKind::Zone && o.contains("polygon")) return "polygon";
    return nullptr;
}

}  // namespace

// Builds one edit: each change is applied as it is made; a failure rolls all of them back.
class EditSession {
public:
    explicit EditSession(Editor& editor) : ed_(editor) {}

    Scenario& s() { return ed_.scenario_; }

    // Object `index` of `kind` becomes `j`, read through the document's reader.
    std::optional<Error> rewrite(ObjectKind kind, size_t index, const OJson& j) {
        ObjectRead read = object_from_json(kind, nlohmann::json(j), at_index(kind, index));
        if (!read.object) return read.errors.empty() ? make_error("not a " + std::string(to_string(kind)), at_index(kind, index)) : read.errors.front();
        replace(kind, index, std::move(*read.object));
        return std::nullopt;
    }
    void replace(ObjectKind kind, size_t index, ScenarioObject after) {
        push({kind, index, object_at(s(), kind, index), std::move(after), {}, {}});
    }
    void insert(ObjectKind kind, size_t index, ScenarioObject object) { push({kind, index, std::nullopt, std::move(object), {}, {}}); }
    void erase(ObjectKind kind, size_t index) { push({kind, index, object_at(s(), kind, index), std::nullopt, {}, {}}); }
    void explanations(std::vector<Explanation> after) { push({ObjectKind::Hub, 0, std::nullopt, std::nullopt, s().explanations, std::move(after)}); }

    // Adds an object read from JSON, under a fresh id if its own is taken.
    std::optional<Error> add(ObjectKind kind, OJson j, const std::string& path, EditOutcome& outcome) {
        if (has_ids(kind) && j.is_object()) {
            const std::string base = j.contains("id") && j["id"].is_string() && !j["id"].get<std::string>().empty() ? j["id"].get<std::string>()
                                                                                                                  : std::string(to_string(kind));
            j["id"] = ed_.unique_id(kind, base);
        }
        ObjectRead read = object_from_json(kind, nlohmann::json(j), path);
        if (!read.object) return read.errors.empty() ? make_error("not a " + std::string(to_string(kind)), path) : read.errors.front();
        const size_t index = list_size(s(), kind);
        outcome.created.push_back({kind, has_ids(kind) ? object_id(*read.object) : "#" + std::to_string(index)});
        insert(kind, index, std::move(*read.object));
        return std::nullopt;
    }

    void rollback() {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) ed_.backward(*it);
        changes.clear();
    }

    std::vector<Editor::Change> changes;

private:
    void push(Editor::Change c) {
        ed_.forward(c);
        changes.push_back(std::move(c));
    }
    Editor& ed_;
};

Editor::Editor(Scenario scenario) : scenario_(std::move(scenario)) {}

void Editor::touched(const std::vector<Change>& changes) {
    touched_.clear();
    for (const Change& c : changes) {
        if (!c.before && !c.after) continue;  // explanations: no object of the map
        touched_.push_back({c.kind, c.index, c.before && c.after});
    }
}

void Editor::reset(Scenario scenario) {
    touched_.clear();
    scenario_ = std::move(scenario);
    done_.clear();
    undone_.clear();
    ++revision_;
}

void Editor::forward(const Change& c) {
    if (!c.before && !c.after) scenario_.explanations = c.explanations_after;
    else if (c.before && c.after) put_object(scenario_, c.index, *c.after);
    else if (c.after) insert_object(scenario_, c.index, *c.after);
    else erase_object(scenario_, c.kind, c.index);
}

void Editor::backward(const Change& c) {
    if (!c.before && !c.after) scenario_.explanations = c.explanations_before;
    else if (c.before && c.after) put_object(scenario_, c.index, *c.before);
    else if (c.after) erase_object(scenario_, c.kind, c.index);
    else insert_object(scenario_, c.index, *c.before);
}

std::string Editor::unique_id(ObjectKind kind, const std::string& base) const {
    auto taken = [&](const std::string& id) {
        if (kind == ObjectKind::Hub || kind == ObjectKind::Junction)  // hubs and junctions share one namespace
            return find_object(scenario_, ObjectKind::Hub, id).has_value() || find_object(scenario_, ObjectKind::Junction, id).has_value();
        return find_object(scenario_, kind, id).has_value();
    };
    if (!taken(base)) return base;
    for (int n = 2;; ++n) {
        const std::string id = base + "-" + std::to_string(n);
        if (!taken(id)) return id;
    }
}

Result<EditOutcome> Editor::apply(const EditCommand& c, bool merge) {
    EditSession session(*this);
    EditOutcome outcome;
    std::optional<Error> failed;

    auto locate = [&](const ObjectRef& ref) -> std::optional<size_t> {
        const auto index = find_object(scenario_, ref.kind, ref.id);
        if (!index) failed = make_error("no " + std::string(to_string(ref.kind)) + " \"" + ref.id + "\"", list_path(ref.kind), "edit.unknown_object");
        return index;
    };

    // The rules are one object: only their fields are set.
    bool rules_whole = c.op == EditOp::Add && c.kind == ObjectKind::Rules;
    for (const auto& t : c.targets) rules_whole = rules_whole || (t.kind == ObjectKind::Rules && c.op != EditOp::Set);
    if (rules_whole) return make_error("the rules are one object: set its fields", "$.rules", "edit.rules_whole");
    switch (c.op) {
        case EditOp::Add:
            failed = session.add(c.kind, OJson(c.value), list_path(c.kind) + "[" + std::to_string(list_size(scenario_, c.kind)) + "]", outcome);
            break;
        case EditOp::Paste:
            if (!c.value.is_array()) failed = make_error("paste takes an array of {\"kind\", \"object\"}", "$.objects");
            for (size_t i = 0; !failed && i < c.value.size(); ++i) {
                const std::string path = "$.objects[" + std::to_string(i) + "]";
                const nlohmann::json& item = c.value[i];
                const auto kind = item.is_object() && item.contains("kind") && item["kind"].is_string() ? object_kind_from(item["kind"].get<std::string>())
                                                                                                      : std::nullopt;
                if (!kind || !item.contains("object")) failed = make_error("each pasted item is {\"kind\", \"object\"}", path);
                else if (*kind == ObjectKind::Rules) failed = make_error("the rules are one object: set its fields", path + ".kind", "edit.rules_whole");
                else {
                    OJson object(item["object"]);
                    translate(object, c.point);
                    failed = session.add(*kind, std::move(object), path + ".object", outcome);
                }
            }
            break;
        case EditOp::Duplicate:
            for (const ObjectRef& ref : c.targets) {
                const auto index = locate(ref);
                if (!index) break;
                OJson j = object_to_json(object_at(scenario_, ref.kind, *index));
                if (has_ids(ref.kind)) j["id"] = ref.id + "-copy";
                if (j.contains("name") && j["name"].is_string()) j["name"] = j["name"].get<std::string>() + " (copy)";
                translate(j, {kDuplicateOffset_deg, kDuplicateOffset_deg});
                failed = session.add(ref.kind, j, list_path(ref.kind), outcome);
                if (failed) break;
            }
            break;
        case EditOp::Remove: {
            // Highest index first within a kind, so that the indices still to remove hold.
            std::vector<std::pair<ObjectKind, size_t>> doomed;
            for (const ObjectRef& ref : c.targets) {
                const auto index = locate(ref);
                if (!index) break;
                doomed.push_back({ref.kind, *index});
            }
            std::sort(doomed.begin(), doomed.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
            doomed.erase(std::unique(doomed.begin(), doomed.end()), doomed.end());
            if (!failed) for (const auto& [kind, index] : doomed) session.erase(kind, index);
            break;
        }
        case EditOp::Set: {
            const ObjectRef& ref = c.targets.front();
            const auto index = locate(ref);
            if (!index) break;
            OJson j = object_to_json(object_at(scenario_, ref.kind, *index));
            std::string why;
            if (!set_pointer(j, c.field, OJson(c.value), why)) {
                failed = make_error(why, at_index(ref.kind, *index) + c.field, "edit.bad_field");
                break;
            }
            failed = session.rewrite(ref.kind, *index, j);
            if (failed || c.field != "/id" || !has_ids(ref.kind)) break;
            // A rename carries every reference to the old id along.
            const std::string old_id = ref.id, new_id = object_id(object_at(scenario_, ref.kind, *index));
            if (new_id == old_id) break;
            auto swap_in = [&](std::string& x) { if (x == old_id) x = new_id; };
            if (ref.kind == ObjectKind::Hub) {
                for (size_t i = 0; i < scenario_.fleet.size(); ++i)
                    if (scenario_.fleet[i].hub == old_id) { FleetEntry f = scenario_.fleet[i]; swap_in(f.hub); session.replace(ObjectKind::Fleet, i, f); }
                for (size_t i = 0; i < scenario_.orders.size(); ++i)
                    if (scenario_.orders[i].from == old_id || scenario_.orders[i].to == old_id) {
                        Order o = scenario_.orders[i]; swap_in(o.from); swap_in(o.to); session.replace(ObjectKind::Order, i, o);
                    }
                for (size_t i = 0; i < scenario_.demand_rates.size(); ++i)
                    if (scenario_.demand_rates[i].from == old_id || scenario_.demand_rates[i].to == old_id) {
                        DemandRate d = scenario_.demand_rates[i]; swap_in(d.from); swap_in(d.to); session.replace(ObjectKind::DemandRate, i, d);
                    }
            }
            if (ref.kind == ObjectKind::DroneType) {
                for (size_t i = 0; i < scenario_.corridors.size(); ++i) {
                    Corridor k = scenario_.corridors[i];
                    if (std::find(k.drone_types.begin(), k.drone_types.end(), old_id) == k.drone_types.end()) continue;
                    for (auto& t : k.drone_types) swap_in(t);
                    session.replace(ObjectKind::Corridor, i, k);
                }
                for (size_t i = 0; i < scenario_.hubs.size(); ++i) {
                    Hub h = scenario_.hubs[i];
                    if (std::find(h.serves.begin(), h.serves.end(), old_id) == h.serves.end()) continue;
                    for (auto& t : h.serves) swap_in(t);
                    session.replace(ObjectKind::Hub, i, h);
                }
                for (size_t i = 0; i < scenario_.fleet.size(); ++i)
                    if (scenario_.fleet[i].drone_type == old_id) { FleetEntry f = scenario_.fleet[i]; swap_in(f.drone_type); session.replace(ObjectKind::Fleet, i, f); }
            }
            std::vector<Explanation> ex = scenario_.explanations;
            bool any = false;
            for (auto& e : ex) if (e.object == old_id) e.object = new_id, any = true;
            if (any) session.explanations(std::move(ex));
            break;
        }
        case EditOp::Move: {
            const double snap = scenario_.rules.node_snap_m;
            for (const ObjectRef& ref : c.targets) {
                const auto index = locate(ref);
                if (!index) break;
                OJson j = object_to_json(object_at(scenario_, ref.kind, *index));
                if (!j.contains("position") && !j.contains("centreline") && !j.contains("polygon") && !j.contains("circle")) {
                    failed = make_error("a " + std::string(to_string(ref.kind)) + " has no place on the map to move", at_index(ref.kind, *index));
                    break;
                }
                // The corridor ends that meet a moved hub or junction go with it.
                if (ref.kind == ObjectKind::Hub || ref.kind == ObjectKind::Junction) {
                    const GeoPoint at = ref.kind == ObjectKind::Hub ? scenario_.hubs[*index].position : scenario_.junctions[*index].position;
                    for (size_t i = 0; i < scenario_.corridors.size(); ++i) {
                        const auto& line = scenario_.corridors[i].centreline;
                        if (line.empty()) continue;
                        const bool at_start = geodesy::distance_m(line.front(), at) <= snap, at_end = geodesy::distance_m(line.back(), at) <= snap;
                        if (!at_start && !at_end) continue;  // most corridors, on every step of a drag: no JSON for them
                        if (std::find(c.targets.begin(), c.targets.end(), ObjectRef{ObjectKind::Corridor, scenario_.corridors[i].id}) != c.targets.end()) continue;
                        OJson k = object_to_json(scenario_.corridors[i]);
                        if (at_start) shift(k["centreline"][0], c.point);
                        if (at_end) shift(k["centreline"][line.size() - 1], c.point);
                        if ((failed = session.rewrite(ObjectKind::Corridor, i, k))) break;
                    }
                    if (failed) break;
                }
                translate(j, c.point);
                if ((failed = session.rewrite(ref.kind, *index, j))) break;
            }
            break;
        }
        case EditOp::MoveVertex: case EditOp::InsertVertex: case EditOp::DeleteVertex: {
            const ObjectRef& ref = c.targets.front();
            const auto index = locate(ref);
            if (!index) break;
            OJson j = object_to_json(object_at(scenario_, ref.kind, *index));
            const char* list = vertex_list(ref.kind, j);
            if (!list) {
                failed = make_error("a " + std::string(to_string(ref.kind)) + " of this shape has no vertices to edit", at_index(ref.kind, *index), "edit.no_vertices");
                break;
            }
            OJson& points = j[list];
            const long n = long(points.size()), v = c.vertex;
            const bool inserting = c.op == EditOp::InsertVertex;
            if (v < 0 || v > n || (!inserting && v == n)) {
                failed = make_error("no vertex " + std::to_string(v) + " (it has " + std::to_string(n) + ")", at_index(ref.kind, *index) + "." + list, "edit.bad_vertex");
                break;
            }
            if (c.op == EditOp::MoveVertex) points[size_t(v)] = point_json(c.point);
            else if (inserting) points.insert(points.begin() + v, point_json(c.point));
            else points.erase(points.begin() + v);
            failed = session.rewrite(ref.kind, *index, j);
            break;
        }
    }

    if (!failed) {
        const auto refs = check_cross_references(scenario_);
        if (!refs.empty()) failed = make_error(refs.front().message + (c.op == EditOp::Remove ? ": it is still in use there" : ""), refs.front().where, "edit.reference");
    }
    if (failed) {
        session.rollback();
        return *failed;
    }
    if (session.changes.empty()) return outcome;
    touched(session.changes);

    std::string key = std::to_string(int(c.op)) + "|" + c.field + "|" + std::to_string(c.vertex);
    for (const auto& t : c.targets) key += "|" + std::string(to_string(t.kind)) + ":" + t.id;
    Edit* last = done_.empty() ? nullptr : &done_.back();
    if (merge && last && last->merge_key == key && undone_.empty()) {
        // The same command again (a drag): keep the first "before", take the new "after".
        for (Change& n : session.changes) {
            auto same = std::find_if(last->changes.begin(), last->changes.end(), [&](const Change& o) {
                return o.kind == n.kind && o.index == n.index && o.before && o.after && n.before && n.after;
            });
            if (same != last->changes.end()) same->after = n.after;
            else last->changes.push_back(std::move(n));
        }
    } else {
        done_.push_back({command_name(c), key, std::move(session.changes)});
    }
    undone_.clear();
    ++revision_;
    return outcome;
}

Result<EditOutcome> Editor::apply_all(const std::vector<EditCommand>& commands, const std::string& name) {
    const size_t depth = done_.size();
    const std::vector<Edit> redoable = undone_;
    EditOutcome all;
    for (size_t k = 0; k < commands.size(); ++k) {
        auto r = apply(commands[k]);
        if (!r) {
            while (done_.size() > depth) undo();
            undone_ = redoable;
            Error e = r.error();
            e.message = "command " + std::to_string(k + 1) + " of " + std::to_string(commands.size()) + ": " + e.message;
            return e;
        }
        all.created.insert(all.created.end(), r->created.begin(), r->created.end());
    }
    Edit folded{name, "", {}};
    for (size_t k = depth; k < done_.size(); ++k)
        for (Change& c : done_[k].changes) folded.changes.push_back(std::move(c));
    done_.resize(depth);
    touched(folded.changes);
    done_.push_back(std::move(folded));
    return all;
}

bool Editor::undo() {
    if (done_.empty()) return false;
    Edit e = std::move(done_.back());
    done_.pop_back();
    for (auto it = e.changes.rbegin(); it != e.changes.rend(); ++it) backward(*it);
    touched(e.changes);
    undone_.push_back(std::move(e));
    ++revision_;
    return true;
}

bool Editor::redo() {
    if (undone_.empty()) return false;
    Edit e = std::move(undone_.back());
    undone_.pop_back();
    for (const Change& c : e.changes) forward(c);
    touched(e.changes);
    done_.push_back(std::move(e));
    ++revision_;
    return true;
}

std::string Editor::undo_name() const { return done_.empty() ? "" : done_.back().name; }
std::string Editor::redo_name() const { return undone_.empty() ? "" : undone_.back().name; }

}  // namespace lowsky
