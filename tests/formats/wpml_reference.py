#!/usr/bin/env python3
"""Every golden DJI .kmz, checked element by element against DJI's published WPML reference
(the Cloud API "DJI WPML" pages: common elements, template.kml, waylines.wpml), written down
here independently of lowsky's writer. Then each wayline is held against the .plan golden of
the same route: the same points, heights and hovers. And the rules are shown to bite: broken
copies of a golden fail them.

usage: wpml_reference.py GOLDEN_DIR SCENARIO_JSON
"""
import io
import json
import math
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

KML = "http://www.opengis.net/kml/2.2"
# droneEnumValue -> allowed droneSubEnumValue (DJI: 89 M350 RTK, 60 M300 RTK, 67 M30/M30T,
# 77 M3E/M3T/M3M, 91 M3D/M3TD; the sub type is required for 67).
DRONES = {89: {0}, 60: {0}, 67: {0, 1}, 77: {0, 1, 2}, 91: {0, 1}}
MODEL_ENUM = {"M350 RTK": (89, 0), "M300 RTK": (60, 0), "M30": (67, 0), "M30T": (67, 1), "M3E": (77, 0),
              "M3T": (77, 1), "M3M": (77, 2), "M3D": (91, 0), "M3TD": (91, 1)}
PAYLOADS = {42, 43, 52, 53, 61, 66, 67, 68, 80, 81, 82, 83, 65534}
FLY_TO = {"safely", "pointToPoint"}
FINISH = {"goHome", "noAction", "autoLand", "gotoFirstWaypoint"}
RC_LOST = {"goContinue", "executeLostAction"}
RC_LOST_ACTION = {"goBack", "landing", "hover"}
TEMPLATE_TYPES = {"waypoint", "mapping2d", "mapping3d", "mappingStrip"}
HEIGHT_MODES = {"EGM96", "relativeToStartPoint", "aboveGroundLevel", "realTimeFollowSurface"}
EXECUTE_HEIGHT_MODES = {"WGS84", "relativeToStartPoint", "realTimeFollowSurface"}
HEADING_MODES = {"followWayline", "manually", "fixed", "smoothTransition", "towardPOI"}
TURN_MODES = {"coordinateTurn", "toPointAndStopWithDiscontinuityCurvature", "toPointAndStopWithContinuityCurvature",
              "toPointAndPassWithContinuityCurvature"}
TRIGGERS = {"reachPoint", "betweenAdjacentPoints", "multipleTiming", "multipleDistance"}
ACTIONS = {"takePhoto", "startRecord", "stopRecord", "focus", "zoom", "customDirName", "gimbalRotate", "rotateYaw", "hover",
           "gimbalEvenlyRotate", "accurateShoot", "orientedShoot", "panoShot", "recordPointCloud"}
SPEED_RANGE = (1.0, 15.0)  # m/s, DJI's waypoint speed range


class Refusal(Exception):
    pass


def need(cond, why):
    if not cond:
        raise Refusal(why)


def child(el, ns, name, why):
    found = el.find(f"{{{ns}}}{name}")
    need(found is not None, f"{why}: <{name}> missing")
    return found


def text(el, ns, name, why):
    return child(el, ns, name, why).text or ""


def number(el, ns, name, why, lo=-math.inf, hi=math.inf, integer=False):
    raw = text(el, ns, name, why)
    need(re.fullmatch(r"-?\d+" if integer else r"-?\d+(\.\d+)?", raw) is not None, f"{why}: <{name}> is not a number: {raw!r}")
    v = float(raw)
    need(lo <= v <= hi, f"{why}: <{name}> {v} outside [{lo}, {hi}]")
    return int(v) if integer else v


def check_document(data, execution):
    """Returns (mission config, list of placemarks as (lon, lat, height, speed, hovers))."""
    root = ET.fromstring(data)
    need(root.tag == f"{{{KML}}}kml", "root is not a KML 2.2 <kml>")
    m = re.search(r'xmlns:wpml="(http://www\.dji\.com/wpmz/1\.0\.\d+)"', data.decode("utf-8"))
    need(m is not None, "no wpml namespace http://www.dji.com/wpmz/1.0.x")
    W = m.group(1)
    doc = child(root, KML, "Document", "kml")
    if not execution:
        for name in ("author", "createTime", "updateTime"):
            child(doc, W, name, "template Document")
    mc = child(doc, W, "missionConfig", "Document")
    need(text(mc, W, "flyToWaylineMode", "missionConfig") in FLY_TO, "flyToWaylineMode")
    finish = text(mc, W, "finishAction", "missionConfig")
    need(finish in FINISH, f"finishAction {finish}")
    need(text(mc, W, "exitOnRCLost", "missionConfig") in RC_LOST, "exitOnRCLost")
    if text(mc, W, "exitOnRCLost", "missionConfig") == "executeLostAction":
        need(text(mc, W, "executeRCLostAction", "missionConfig") in RC_LOST_ACTION, "executeRCLostAction")
    number(mc, W, "takeOffSecurityHeight", "missionConfig", 1.2, 1500)
    number(mc, W, "globalTransitionalSpeed", "missionConfig", *SPEED_RANGE)
    drone = child(mc, W, "droneInfo", "missionConfig")
    enum = number(drone, W, "droneEnumValue", "droneInfo", integer=True)
    need(enum in DRONES, f"droneEnumValue {enum} is no WPML aircraft")
    sub = drone.find(f"{{{W}}}droneSubEnumValue")
    need(sub is not None or enum != 67, "droneSubEnumValue is required for 67")
    sub_value = int(sub.text) if sub is not None else 0
    need(sub_value in DRONES[enum], f"droneSubEnumValue {sub_value} for {enum}")
    payload = child(mc, W, "payloadInfo", "missionConfig")
    need(number(payload, W, "payloadEnumValue", "payloadInfo", integer=True) in PAYLOADS, "payloadEnumValue")
    need(number(payload, W, "payloadPositionIndex", "payloadInfo", integer=True) in (0, 1, 2), "payloadPositionIndex")

    folder = child(doc, KML, "Folder", "Document")
    number(folder, W, "templateId", "Folder", 0, 65535, integer=True)
    if execution:
        need(text(folder, W, "executeHeightMode", "Folder") in EXECUTE_HEIGHT_MODES, "executeHeightMode")
        number(folder, W, "waylineId", "Folder", 0, 65535, integer=True)
    else:
        need(text(folder, W, "templateType", "Folder") in TEMPLATE_TYPES, "templateType")
        sys_param = child(folder, W, "waylineCoordinateSysParam", "Folder")
        need(text(sys_param, W, "coordinateMode", "waylineCoordinateSysParam") == "WGS84", "coordinateMode")
        need(text(sys_param, W, "heightMode", "waylineCoordinateSysParam") in HEIGHT_MODES, "heightMode")
        number(folder, W, "globalHeight", "Folder")
    number(folder, W, "autoFlightSpeed", "Folder", *SPEED_RANGE)

    points, group_ids = [], set()
    placemarks = folder.findall(f"{{{KML}}}Placemark")
    need(len(placemarks) >= 2, "a wayline needs two waypoints or more")
    for i, pm in enumerate(placemarks):
        where = f"Placemark {i}"
        coords = text(child(pm, KML, "Point", where), KML, "coordinates", where).strip()
        need(re.fullmatch(r"-?\d+(\.\d+)?,-?\d+(\.\d+)?", coords) is not None, f"{where}: coordinates are lon,lat: {coords!r}")
        lon, lat = map(float, coords.split(","))
        need(-180 <= lon <= 180 and -90 <= lat <= 90, f"{where}: coordinates out of range")
        need(number(pm, W, "index", where, integer=True) == i, f"{where}: index is not {i}")
        if execution:
            height = number(pm, W, "executeHeight", where)
        else:
            height = number(pm, W, "height", where)
            for flag in ("useGlobalHeight", "useGlobalSpeed", "useGlobalHeadingParam", "useGlobalTurnParam"):
                need(text(pm, W, flag, where) in ("0", "1"), f"{where}: {flag}")
            need(text(pm, W, "useGlobalHeight", where) == "0", f"{where}: its own height must be used")
        speed = number(pm, W, "waypointSpeed", where, *SPEED_RANGE)
        need(text(child(pm, W, "waypointHeadingParam", where), W, "waypointHeadingMode", where) in HEADING_MODES, f"{where}: heading mode")
        turn = child(pm, W, "waypointTurnParam", where)
        need(text(turn, W, "waypointTurnMode", where) in TURN_MODES, f"{where}: turn mode")
        number(turn, W, "waypointTurnDampingDist", where, 0)
        need(text(pm, W, "useStraightLine", where) in ("0", "1"), f"{where}: useStraightLine")
        hovers = []
        for group in pm.findall(f"{{{W}}}actionGroup"):
            gid = number(group, W, "actionGroupId", where, 0, integer=True)
            need(gid not in group_ids, f"{where}: actionGroupId {gid} repeated")
            group_ids.add(gid)
            start = number(group, W, "actionGroupStartIndex", where, 0, len(placemarks) - 1, integer=True)
            end = number(group, W, "actionGroupEndIndex", where, start, len(placemarks) - 1, integer=True)
            need(start == i and end == i, f"{where}: a reachPoint group belongs to its own waypoint")
            need(text(group, W, "actionGroupMode", where) == "sequence", f"{where}: actionGroupMode")
            need(text(child(group, W, "actionTrigger", where), W, "actionTriggerType", where) in TRIGGERS, f"{where}: trigger")
            actions = group.findall(f"{{{W}}}action")
            need(actions, f"{where}: an action group without actions")
            ids = [number(a, W, "actionId", where, 0, integer=True) for a in actions]
            need(len(set(ids)) == len(ids), f"{where}: actionId repeated")
            for a in actions:
                func = text(a, W, "actionActuatorFunc", where)
                need(func in ACTIONS, f"{where}: actionActuatorFunc {func}")
                if func == "hover":
                    hovers.append(number(child(a, W, "actionActuatorFuncParam", where), W, "hoverTime", where, 0.1))
        points.append((lon, lat, height, speed, hovers))
    return {"finish": finish, "drone": (enum, sub_value)}, points


def check_kmz(raw):
    z = zipfile.ZipFile(io.BytesIO(raw))
    need(z.testzip() is None, "a CRC does not match")
    need(z.namelist() == ["wpmz/template.kml", "wpmz/waylines.wpml"], f"entries {z.namelist()}")
    t_config, t_points = check_document(z.read("wpmz/template.kml"), execution=False)
    w_config, w_points = check_document(z.read("wpmz/waylines.wpml"), execution=True)
    need(t_config == w_config, "template.kml and waylines.wpml disagree on the mission")
    need(t_points == w_points, "template.kml and waylines.wpml disagree on the waypoints")
    return w_config, w_points


def expected_from_plan(plan):
    """The wayline a .plan's items make, read off MAVLink's meaning of each command."""
    home_amsl = plan["mission"]["plannedHomePosition"][2]
    home = plan["mission"]["plannedHomePosition"][:2]
    points, finish = [], "noAction"
    for it in plan["mission"]["items"]:
        cmd, p, frame = it["command"], it["params"], it["frame"]
        h = (p[6] - home_amsl) if frame == 0 else p[6]
        if cmd == 22:  # take-off: straight up over home
            points.append([home[1], home[0], h, []])
        elif cmd in (16, 19, 31):
            points.append([p[5], p[4], h, [p[0]] if cmd in (16, 19) and p[0] else []])
        elif cmd == 93:  # NAV_DELAY: a wait where the aircraft is
            points[-1][3].append(p[0])
        elif cmd == 21:
            finish = "autoLand"
            if abs(points[-1][0] - p[5]) > 1e-7 or abs(points[-1][1] - p[4]) > 1e-7:
                points.append([p[5], p[4], points[-1][2], []])
        elif cmd == 20:
            finish = "goHome"
    return finish, points


def main():
    golden_dir, scenario_path = sys.argv[1], sys.argv[2]
    scenario = json.load(open(scenario_path, encoding="utf-8"))
    types = {t["id"]: t for t in scenario["drone_types"]}
    kmzs = sorted(f for f in os.listdir(golden_dir) if f.endswith(".kmz"))
    need(len(kmzs) == 2, f"expected the 2 golden .kmz files, found {kmzs}")
    for name in kmzs:
        raw = open(os.path.join(golden_dir, name), "rb").read()
        config, points = check_kmz(raw)
        # Same route's .plan golden: the same points, heights and hovers, and the model's enum.
        plan = json.load(open(os.path.join(golden_dir, name.replace(".kmz", ".px4.plan")), encoding="utf-8"))
        finish, expected = expected_from_plan(plan)
        need(config["finish"] == finish, f"{name}: finishAction {config['finish']}, the plan ends in {finish}")
        need(len(points) == len(expected), f"{name}: {len(points)} waypoints, the plan has {len(expected)}")
        for k, ((lon, lat, h, _, hovers), (elon, elat, eh, ehovers)) in enumerate(zip(points, expected)):
            need(abs(lon - elon) < 1e-7 and abs(lat - elat) < 1e-7, f"{name}: waypoint {k} at {lon},{lat}, the plan's at {elon},{elat}")
            need(abs(h - eh) < 0.006, f"{name}: waypoint {k} at {h} m, the plan's at {eh} m")
            need(hovers == ehovers, f"{name}: waypoint {k} hovers {hovers}, the plan holds {ehovers}")
        model = types["m350-drop"]["dji_model"]
        need(config["drone"] == MODEL_ENUM[model], f"{name}: drone {config['drone']}, {model} is {MODEL_ENUM[model]}")
        print(f"ok {name}: {len(points)} waypoints, {sum(len(p[4]) for p in points)} hovers, finish {config['finish']}")

    # The rules bite: each damaged copy of a golden must be refused.
    raw = open(os.path.join(golden_dir, kmzs[0]), "rb").read()
    z = zipfile.ZipFile(io.BytesIO(raw))
    files = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    damages = [
        ("<wpml:droneEnumValue>89</wpml:droneEnumValue>", "<wpml:droneEnumValue>67</wpml:droneEnumValue>", "an M30 without its required sub type"),
        ("<wpml:waypointSpeed>15.0</wpml:waypointSpeed>", "<wpml:waypointSpeed>27.0</wpml:waypointSpeed>", "speed over 15 m/s"),
        ("<wpml:index>1</wpml:index>", "<wpml:index>2</wpml:index>", "index out of order"),
        ("<wpml:finishAction>autoLand</wpml:finishAction>", "<wpml:finishAction>land</wpml:finishAction>", "unknown finish action"),
        ("<wpml:payloadInfo>", "<wpml:payloadInf>", "payloadInfo missing"),
        ("<wpml:hoverTime>5.0</wpml:hoverTime>", "<wpml:hoverTime>0</wpml:hoverTime>", "a zero hover"),
    ]
    refused = 0
    for old, new, why in damages:
        need(old in files["wpmz/waylines.wpml"], f"damage {why!r}: {old} is not in the golden")
        broken = dict(files)
        broken["wpmz/waylines.wpml"] = files["wpmz/waylines.wpml"].replace(old, new, 1)
        if old.startswith("<wpml:droneEnumValue>"):
            broken["wpmz/waylines.wpml"] = broken["wpmz/waylines.wpml"].replace("<wpml:droneSubEnumValue>0</wpml:droneSubEnumValue>", "", 1)
        if old == "<wpml:payloadInfo>":
            broken["wpmz/waylines.wpml"] = broken["wpmz/waylines.wpml"].replace("</wpml:payloadInfo>", "</wpml:payloadInf>", 1)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as w:
            for n in ("wpmz/template.kml", "wpmz/waylines.wpml"):
                w.writestr(n, broken[n])
        try:
            check_kmz(out.getvalue())
        except Refusal:
            refused += 1
            continue
        raise SystemExit(f"the rules accepted a damaged file: {why}")
    need(refused == len(damages), "every damage refused")
    print(f"ok: {refused} damaged copies refused")


if __name__ == "__main__":
    try:
        main()
    except Refusal as e:
        raise SystemExit(f"refused: {e}")
