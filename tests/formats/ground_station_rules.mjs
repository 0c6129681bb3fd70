// The acceptance rules of the real mission loaders, written down independently of lowsky's
// C++ importers from shared/reference/MISSION_FORMATS.md (which was read off QGroundControl's,
// MAVSDK's and pymavlink's sources). Each function returns null when the loader would accept
// the file, or the reason it would refuse it.

const isNumber = (v) => typeof v === 'number';
const isNumberOrNull = (v) => v === null || typeof v === 'number';
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const NAV_WITH_ALTITUDE = new Set([16, 17, 18, 19, 21, 22, 31, 84, 85]);

export function qgcLoadPlan(text) {
  let json;
  try { json = JSON.parse(text); } catch (e) { return `JSON: ${e.message}`; }
  if (!isObject(json)) return 'root is not an object';
  if (typeof json.groundStation !== 'string') return 'groundStation missing or not a string';
  if (typeof json.fileType !== 'string') return 'fileType missing';
  if (json.fileType !== 'Plan') return `Incorrect file type key expected:Plan actual:${json.fileType}`;
  if (!isNumber(json.version)) return 'version missing or not a number';
  if (Math.trunc(json.version) !== 1) return `File version ${json.version} not supported`;
  for (const key of ['mission', 'geoFence', 'rallyPoints']) if (!isObject(json[key])) return `${key} missing or not an object`;
  const m = json.mission;
  if (!Array.isArray(m.plannedHomePosition) || m.plannedHomePosition.length !== 3) return 'Coordinate array must contain 3 values';
  if (!m.plannedHomePosition.every(isNumberOrNull)) return 'Coordinate array may only contain double values';
  if (!Array.isArray(m.items)) return 'items missing';
  if (!isNumber(m.firmwareType)) return 'firmwareType missing';
  const jumpIds = new Set(m.items.map((i) => i && i.doJumpId));
  for (const [n, item] of m.items.entries()) {
    if (!isObject(item)) return `Mission item ${n} is not an object`;
    if (typeof item.type !== 'string') return `item ${n}: type missing`;
    if (item.type === 'ComplexItem') { if (typeof item.complexItemType !== 'string') return `item ${n}: complexItemType missing`; continue; }
    if (item.type !== 'SimpleItem') return `Unknown item type: ${item.type}`;
    if (!isNumber(item.command) || !isNumber(item.frame)) return `item ${n}: command and frame must be numbers`;
    if (!Array.isArray(item.params) || item.params.length !== 7) return `item ${n}: params key must contains 7 values`;
    if (!item.params.slice(0, 4).every(isNumberOrNull)) return `item ${n}: Param incorrect type, must be double or null`;
    if (typeof item.autoContinue !== 'boolean') return `item ${n}: autoContinue must be a bool`;
    if (NAV_WITH_ALTITUDE.has(item.command)) {
      const keys = ['AltitudeMode', 'Altitude', 'AMSLAltAboveTerrain'].filter((k) => k in item).length;
      if (keys !== 0 && keys !== 3) return `item ${n}: AltitudeMode, Altitude and AMSLAltAboveTerrain all or none`;
    }
    if (item.command === 177 && !jumpIds.has(item.params[0])) return `Could not find doJumpId: ${item.params[0]}`;
  }
  const f = json.geoFence;
  if (f.version !== undefined && f.version !== 1) {
    if (f.version !== 2) return 'GeoFence supports version 2';
    if (!Array.isArray(f.polygons) || !Array.isArray(f.circles)) return 'geoFence: polygons and circles required';
    for (const p of f.polygons) {
      if (!isObject(p) || p.version !== 1 || typeof p.inclusion !== 'boolean' || !Array.isArray(p.polygon)) return 'GeoFence Polygon only supports version 1';
      if (!p.polygon.every((v) => Array.isArray(v) && v.length === 2 && v.every(isNumber))) return 'Coordinate array must contain 2 values';
    }
    for (const c of f.circles) {
      if (!isObject(c) || c.version !== 1 || typeof c.inclusion !== 'boolean' || !isObject(c.circle)) return 'circle malformed';
      if (!Array.isArray(c.circle.center) || c.circle.center.length !== 2 || !isNumber(c.circle.radius)) return 'circle malformed';
    }
  }
  const r = json.rallyPoints;
  if (r.version !== 1) {
    if (r.version !== 2) return 'Rally: version 2 expected';
    if (!Array.isArray(r.points) || !r.points.every((p) => Array.isArray(p) && p.length === 3)) return 'Rally: points must be [lat, lon, alt]';
  }
  return null;
}

export function mavsdkLoadPlan(text) {
  let json;
  try { json = JSON.parse(text); } catch { return 'Parse error'; }
  if (!Number.isInteger(json.version) || json.version !== 1) return 'root version must be the integer 1';
  const m = json.mission;
  if (!isObject(m) || Object.keys(m).length === 0) return 'mission missing or empty';
  if (!Number.isInteger(m.version) || m.version !== 2) return 'mission.version must be the integer 2';
  for (const item of m.items || []) {
    if (item.type === 'ComplexItem') { if (item.complexItemType !== 'survey' || item.version !== 5) return 'only survey v5 complex items'; continue; }
    for (const key of ['command', 'autoContinue', 'frame', 'params']) if (item[key] === undefined || item[key] === null) return 'Missing mission item field.';
    if (!Array.isArray(item.params)) return 'params must be an array';
  }
  for (const key of ['geoFence', 'rallyPoints']) {
    const s = json[key];
    if (!isObject(s) || Object.keys(s).length === 0) return `${key} missing or empty`;
    if (!Number.isInteger(s.version) || s.version !== 2) return `${key}.version must be the integer 2`;
  }
  return null;
}

export function qgcLoadWaypoints(text) {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  const header = lines[0].split(' ');
  if (header.length !== 3 || header[0] !== 'QGC' || header[1] !== 'WPL' || !['110', '120'].includes(header[2]))
    return 'The mission file is not compatible with this version of QGroundControl.';
  for (const line of lines.slice(1)) {
    if (line.split('\t').length !== 12) return 'The mission file is corrupted.';
  }
  return null;
}

export function pymavlinkLoadWaypoints(text) {
  const lines = text.split('\n');
  if (!['QGC WPL 100', 'QGC WPL 110', 'PB 110'].includes(lines[0].trim())) return 'unsupported header';
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const a = line.split(/\s+/);
    if (a.length !== 12) return `invalid waypoint line with ${a.length} values`;
    for (const k of [0, 1, 2, 3, 11]) if (!/^[+-]?\d+$/.test(a[k])) return `int() fails on "${a[k]}"`;
    // Python's float(): decimals, inf and nan; not JavaScript's hexadecimal, octal or binary.
    for (const k of [4, 5, 6, 7, 8, 9, 10]) {
      const decimal = Number.isFinite(Number(a[k])) && !/^[+-]?0[xob]/i.test(a[k]);
      if (!decimal && !/^[+-]?(nan|inf)/i.test(a[k])) return `float() fails on "${a[k]}"`;
    }
  }
  return null;
}

export function mavsdkLoadWaypoints(text) {
  const lines = text.split('\n');
  if (lines[0].trimEnd() !== 'QGC WPL 110') return 'header must be QGC WPL 110';
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const a = line.split('\t');
    if (a.length !== 12) return 'expected 12 fields';
    for (const k of [0, 1, 2, 3, 11]) if (!/^[+-]?\d+$/.test(a[k])) return `Invalid field "${a[k]}"`;
  }
  return null;
}
