/**
 * The bad-input list (issue 13), one row per case: the operation, the input, the status and stable
 * code expected (and optionally a text the answer must contain, e.g. a detail code). Every case also
 * asserts that nothing was written. Add a row to add a case; `category` groups the printed counts.
 */
import { deflateRawSync } from "node:zlib";
import { DAY, PDF, sampleRecord, type World } from "./harness.ts";

export interface Case {
  category: "types and missing fields" | "numbers" | "dates" | "enums and extra fields" | "text" | "media types, origins and sizes" | "files" | "structure";
  name: string;
  method: string;
  path: string;
  /** A JSON value (sent as application/json unless headers say otherwise) or raw bytes/text. */
  json?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
  /** Default: the provincial administrator (every ability in province A). */
  as?: string;
  status: number;
  code: string;
  /** A text the answer must contain (a detail code such as DATE_INVALID, a field name). */
  detail?: string;
}

const MB = 1024 * 1024;

/** A minimal stored .zip (deflated entries), enough for a .docx bomb or a fake one. */
export function zipOf(entries: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A .docx whose document.xml unpacks to `mb` megabytes (a few hundred KB on the wire). */
export function docxBomb(mb: number): Buffer {
  const head = Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const body = Buffer.alloc(mb * MB, "<w:p><w:r><w:t>Tiếp 71 lượt công dân.</w:t></w:r></w:p>", "utf8");
  return zipOf([["[Content_Types].xml", Buffer.from("<Types/>")], ["word/document.xml", Buffer.concat([head, body])]]);
}

/** A 120 MB body that arrives in chunks, with no length declared. */
function chunked(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new ReadableStream({ pull(c) { if (sent >= total) return c.close(); sent += chunk.byteLength; c.enqueue(chunk); } });
}

export function badInputCases(w: World): Case[] {
  const A = w.a;
  const fig = { unitId: A.unitId, indicator: "reception.turns", period: "2026Q2", value: 3 };
  const petition = sampleRecord("petitions", A.unitId, "Thử");
  const reception = sampleRecord("reception", A.unitId, "Thử");
  const user = { username: "nguoi.moi", displayName: "Người mới", password: "Mat-khau-rat-dai-2026", role: "viewer", unitId: A.unitId };
  const action = { action: "classify", date: DAY };
  const P = "/api/figures";
  const PET = "/api/registers/petitions";
  const REC = "/api/registers/reception";
  const ACT = `${PET}/${A.petitionId}/actions`;
  const NARR = `/api/submissions/${A.unitId}/2026Q2/narrative`;
  const ATT = (name: string) => `${PET}/${A.petitionId}/attachments?filename=${encodeURIComponent(name)}`;
  const V = (q: string) => `/api/values?unitId=${A.unitId}&indicator=reception.turns&period=2026&${q}`;
  const without = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([x]) => x !== k));
  const c = (category: Case["category"], name: string, method: string, path: string, input: Partial<Case>, status: number, code: string, detail?: string): Case =>
    ({ category, name, method, path, ...input, status, code, ...(detail ? { detail } : {}) });
  const T = "types and missing fields", N = "numbers", D = "dates", E = "enums and extra fields", X = "text", M = "media types, origins and sizes", F = "files", S = "structure";
  const VAL = [400, "VALIDATION"] as const;

  return [
    // ---- wrong types ---------------------------------------------------------------------------
    ...([["value as a string", { value: "3" }], ["value true", { value: true }], ["value null", { value: null }], ["value an array", { value: [3] }],
      ["value an object", { value: {} }], ["unitId a word", { unitId: "abc" }], ["unitId 1.5", { unitId: 1.5 }], ["period a number", { period: 2026 }],
      ["indicator a number", { indicator: 5 }], ["comment a number", { comment: 5 }]] as const)
      .map(([n, patch]) => c(T, `figure: ${n}`, "POST", P, { json: { ...fig, ...patch } }, ...VAL)),
    c(T, "figures: an empty array", "POST", P, { json: [] }, ...VAL),
    c(T, "figures: a bare string", "POST", P, { json: "3" }, ...VAL),
    c(T, "figures: null", "POST", P, { json: null }, ...VAL),
    c(T, "figures: 5001 figures in one batch", "POST", P, { json: Array.from({ length: 5001 }, () => fig) }, ...VAL),
    c(T, "petition: receivedOn a number", "POST", PET, { json: { ...petition, receivedOn: 20260310 } }, ...VAL),
    c(T, "petition: type a number", "POST", PET, { json: { ...petition, type: 1 } }, ...VAL),
    c(T, "petition: remote 'yes'", "POST", PET, { json: { ...petition, remote: "yes" } }, ...VAL),
    c(T, "petition: content an array", "POST", PET, { json: { ...petition, content: ["a"] } }, ...VAL),
    c(T, "user: unitId a string", "POST", "/api/users", { json: { ...user, unitId: String(A.unitId) } }, ...VAL),
    c(T, "reception: turns a string", "POST", REC, { json: { ...reception, turns: "3" } }, ...VAL),
    c(T, "reception: matters a string", "POST", REC, { json: { ...reception, matters: "x" } }, ...VAL),
    c(T, "sign-in: password a number", "POST", "/api/session", { json: { username: "a", password: 1 } }, ...VAL),
    c(T, "malformed JSON", "POST", P, { raw: "{\"unitId\":", headers: { "content-type": "application/json" } }, 400, "JSON_MALFORMED"),
    c(T, "JSON with a trailing comma", "POST", PET, { raw: JSON.stringify(petition).replace(/}$/, ",}"), headers: { "content-type": "application/json" } }, 400, "JSON_MALFORMED"),
    c(T, "an empty body", "POST", PET, { raw: "", headers: { "content-type": "application/json" } }, 400, "JSON_MALFORMED"),
    // ---- missing fields ------------------------------------------------------------------------
    ...(["value", "indicator", "period"] as const).map((k) => c(T, `figure without ${k}`, "POST", P, { json: without(fig, k) }, ...VAL)),
    c(T, "figure without unitId or unitCode", "POST", P, { json: without(fig, "unitId") }, ...VAL),
    ...(["petitioner", "content", "receivedOn", "type", "unitId"] as const).map((k) => c(T, `petition without ${k}`, "POST", PET, { json: without(petition, k) }, ...VAL)),
    c(T, "user without password", "POST", "/api/users", { json: without(user, "password") }, ...VAL),
    c(T, "petition action without date", "POST", ACT, { json: { action: "classify", version: 1 } }, ...VAL),
    c(T, "reception without leaderName", "POST", REC, { json: without(reception, "leaderName") }, ...VAL),
    c(T, "lineage without from", "POST", "/api/lineage", { json: { kind: "merge", date: DAY, to: [A.unitId] }, as: "national-admin" }, ...VAL),
    c(T, "extract check without text", "POST", "/api/extract/check", { json: { unit: A.unitCode, period: "2026" } }, ...VAL),

    // ---- numbers ---------------------------------------------------------------------------------
    c(N, "figure value 1e300", "POST", P, { json: { ...fig, value: 1e300 } }, 400, "VALUE_INVALID"),
    c(N, "figure value 1e16 (past 10^15)", "POST", P, { json: { ...fig, value: 1e16 } }, 400, "VALUE_INVALID"),
    c(N, "figure value 2^53+1 (would be stored as …992)", "POST", P, { raw: JSON.stringify(fig).replace('"value":3', '"value":9007199254740993'), headers: { "content-type": "application/json" } }, 400, "VALUE_INVALID"),
    c(N, "figure value 'NaN'", "POST", P, { json: { ...fig, value: "NaN" } }, ...VAL),
    c(N, "figure value 'Infinity'", "POST", P, { json: { ...fig, value: "Infinity" } }, ...VAL),
    c(N, "figure value NaN literal (not JSON)", "POST", P, { raw: JSON.stringify(fig).replace('"value":3', '"value":NaN'), headers: { "content-type": "application/json" } }, 400, "JSON_MALFORMED"),
    c(N, "figure value -1e309 literal (-Infinity)", "POST", P, { raw: JSON.stringify(fig).replace('"value":3', '"value":-1e309'), headers: { "content-type": "application/json" } }, ...VAL),
    c(N, "figure value negative for a count", "POST", P, { json: { ...fig, value: -1 } }, 400, "VALUE_NEGATIVE"),
    c(N, "figure value 1.5 for a count", "POST", P, { json: { ...fig, value: 1.5 } }, 400, "VALUE_NOT_WHOLE"),
    c(N, "figure unitId -0", "POST", P, { raw: JSON.stringify(fig).replace(`"unitId":${A.unitId}`, '"unitId":-0'), headers: { "content-type": "application/json" } }, ...VAL),
    c(N, "figure unitId 2^53+1", "POST", P, { raw: JSON.stringify(fig).replace(`"unitId":${A.unitId}`, '"unitId":9007199254740993'), headers: { "content-type": "application/json" } }, ...VAL),
    c(N, "reception turns 1e300", "POST", REC, { json: { ...reception, turns: 1e300 } }, ...VAL),
    c(N, "reception people -1", "POST", REC, { json: { ...reception, people: -1 } }, ...VAL),
    c(N, "petition version -1", "PUT", `${PET}/${A.petitionId}`, { json: { content: "Sửa", version: -1 } }, ...VAL),
    c(N, "petition version 1e300", "PUT", `${PET}/${A.petitionId}`, { json: { content: "Sửa", version: 1e300 } }, ...VAL),
    c(N, "audit limit 1e300", "GET", "/api/audit?limit=1e300", {}, ...VAL),
    c(N, "petition list limit NaN", "GET", `${PET}?limit=NaN`, {}, ...VAL),
    c(N, "figure history of id NaN", "GET", "/api/figures/NaN/history", {}, ...VAL),
    c(N, "figure history of id 2^53+1", "GET", "/api/figures/9007199254740993/history", {}, ...VAL),
    c(N, "figure delete of id -0", "DELETE", "/api/figures/-0", {}, ...VAL),
    c(N, "figure delete of id 1e3", "DELETE", "/api/figures/1e3", {}, ...VAL),
    c(N, "values of unitId 0x10", "GET", `/api/values?unitId=0x10&indicator=reception.turns&period=2026`, {}, ...VAL),
    c(N, "split shares over 1", "PUT", "/api/lineage/shares", { json: { fromId: A.unitId, shares: [{ toId: A.unitId, share: 1.5 }, { toId: A.provinceId, share: -0.5 }] }, as: "national-admin" }, ...VAL),
    c(N, "calendar year 1e300", "GET", "/api/registers/calendar?year=1e300", {}, ...VAL),

    // ---- dates -----------------------------------------------------------------------------------
    ...["2026-13-45", "2026-02-30", "9999-99-99", "2026-2-3", "", "2026-03-10T00:00:00Z", "1899-12-31", "2025-02-29"].map((d) =>
      c(D, `petition receivedOn "${d}"`, "POST", PET, { json: { ...petition, receivedOn: d } }, 400, "VALIDATION", d === "" ? undefined : "DATE_INVALID")),
    ...["2026-13-45", "2026-02-30", "9999-99-99"].map((d) => c(D, `petition action date ${d}`, "POST", ACT, { json: { ...action, date: d, version: 1 } }, 400, "VALIDATION", "DATE_INVALID")),
    ...["2026-13-45", "2026-02-30", "9999-99-99"].map((d) => c(D, `values asOf ${d}`, "GET", V(`asOf=${d}`), {}, 400, "VALIDATION", "DATE_INVALID")),
    c(D, "report issued on 2026-99-99", "POST", "/api/reports/issue", { json: { unitId: A.unitId, period: "2026", date: "2026-99-99" } }, 400, "VALIDATION", "DATE_INVALID"),
    c(D, "on-time rate from 2026-02-30", "GET", `${PET}/on-time?unitId=${A.unitId}&from=2026-02-30&to=2026-06-30`, {}, 400, "VALIDATION", "DATE_INVALID"),
    c(D, "new unit valid from 2026-13-01", "POST", "/api/units", { json: { code: "99999", name: "Xã Thử", type: "Xã", level: "commune", parentId: A.provinceId, validFrom: "2026-13-01" }, as: "national-admin" }, 400, "VALIDATION", "DATE_INVALID"),
    c(D, "holiday 2026-02-30 in the settings", "PUT", "/api/registers/settings", { json: { calendar: { extraDaysOff: ["2026-02-30"] }, version: 0 }, as: "national-admin" }, 400, "VALIDATION", "DATE_INVALID"),
    c(D, "figure period 2026Q5", "POST", P, { json: { ...fig, period: "2026Q5" } }, 400, "PERIOD_INVALID"),
    c(D, "figure period 2026-13", "POST", P, { json: { ...fig, period: "202613" } }, 400, "PERIOD_INVALID"),
    c(D, "reception obligations month 2026-13", "GET", `/api/registers/reception/obligations?unitId=${A.unitId}&month=2026-13`, {}, 400, "PERIOD_INVALID"),
    c(D, "figure period not begun (2027)", "POST", P, { json: { ...fig, period: "2027Q1" } }, 400, "PERIOD_NOT_STARTED"),

    // ---- enums and extra fields -------------------------------------------------------------------
    c(E, "petition type khieu_nai2", "POST", PET, { json: { ...petition, type: "khieu_nai2" } }, ...VAL),
    c(E, "petition action delete_all", "POST", ACT, { json: { ...action, action: "delete_all", version: 1 } }, ...VAL),
    c(E, "user role superadmin", "POST", "/api/users", { json: { ...user, role: "superadmin" } }, ...VAL),
    c(E, "figure kind both", "POST", P, { json: { ...fig, kind: "both" } }, ...VAL),
    c(E, "figure status final", "POST", P, { json: { ...fig, status: "final" } }, ...VAL),
    c(E, "values basis everything", "GET", V("basis=everything"), {}, ...VAL),
    c(E, "export format pdf", "GET", `/api/figures/export?unitId=${A.unitId}&period=2026&format=pdf`, {}, ...VAL),
    c(E, "submission action destroy", "POST", `/api/submissions/${A.unitId}/2026/destroy`, { json: {} }, ...VAL),
    c(E, "unknown register", "GET", "/api/registers/nope", {}, 404, "REGISTER_NOT_FOUND"),
    c(E, "reception leaderTitle vua", "POST", REC, { json: { ...reception, leaderTitle: "vua" } }, ...VAL),
    c(E, "unknown indicator", "POST", P, { json: { ...fig, indicator: "khong.co" } }, 404, "INDICATOR_NOT_FOUND"),
    c(E, "user patch with an extra field (isRoot)", "PATCH", `/api/users/${A.userId}`, { json: { displayName: "Tên mới", isRoot: true } }, ...VAL),
    c(E, "report settings with an unknown documentDate", "PUT", "/api/reports/settings", { json: { documentDate: "tomorrow" }, as: "national-admin" }, ...VAL),

    // ---- text ------------------------------------------------------------------------------------
    c(X, "NUL in a figure comment", "POST", P, { json: { ...fig, comment: "a\u0000b" } }, 400, "TEXT_INVALID", "comment"),
    c(X, "NUL in a petitioner's name", "POST", PET, { json: { ...petition, petitioner: "Nguyễn\u0000A" } }, 400, "TEXT_INVALID", "petitioner"),
    c(X, "NUL in a register record", "POST", REC, { json: { ...reception, leaderName: "\u0000" } }, 400, "TEXT_INVALID"),
    c(X, "NUL in a narrative key", "PUT", NARR, { json: { "uu\u0000diem": "x" }, headers: { "if-match": "0" } }, 400, "TEXT_INVALID"),
    c(X, "NUL in a search query", "GET", `${PET}?q=a%00b`, {}, 400, "TEXT_INVALID"),
    c(X, "NUL in a path", "GET", `${PET}/1%00`, {}, 400, "TEXT_INVALID"),
    c(X, "lone high surrogate in petition content", "POST", PET, { raw: JSON.stringify(petition).replace('"Thử nội dung đơn"', '"a\\ud800b"'), headers: { "content-type": "application/json" } }, 400, "TEXT_INVALID"),
    c(X, "lone low surrogate in a figure comment", "POST", P, { raw: JSON.stringify({ ...fig, comment: "X" }).replace('"X"', '"\\udc00"'), headers: { "content-type": "application/json" } }, 400, "TEXT_INVALID"),
    c(X, "surrogate bytes (CESU-8) in a query", "GET", "/api/units?q=ab%ED%A0%80c", {}, 400, "TEXT_INVALID"),
    c(X, "invalid UTF-8 byte in a body", "POST", PET, { raw: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), headers: { "content-type": "application/json" } }, 400, "TEXT_INVALID"),
    c(X, "invalid UTF-8 in a CSV import", "POST", "/api/figures/import", { raw: new Uint8Array([...Buffer.from(`unit_code,indicator,period,value\n${A.unitCode},reception.turns,2026Q2,4\n`), 0xc3, 0x28, 0x0a]), headers: { "content-type": "text/csv" } }, 400, "TEXT_INVALID"),
    c(X, "NUL in a CSV import", "POST", "/api/figures/import", { raw: `unit_code,indicator,period,value,comment\n${A.unitCode},reception.turns,2026Q2,4,x\u0000y\n`, headers: { "content-type": "text/csv" } }, 400, "TEXT_INVALID"),
    c(X, "petition content of 10,001 characters", "POST", PET, { json: { ...petition, content: "a".repeat(10_001) } }, ...VAL),
    c(X, "petitioner of 301 characters", "POST", PET, { json: { ...petition, petitioner: "a".repeat(301) } }, ...VAL),
    c(X, "narrative section of 20,001 characters", "PUT", NARR, { json: { uu_diem: "a".repeat(20_001) }, headers: { "if-match": "0" } }, ...VAL),
    c(X, "username of 61 characters at sign-in", "POST", "/api/session", { json: { username: "a".repeat(61), password: "x" } }, ...VAL),
    c(X, "username with capitals and spaces", "POST", "/api/users", { json: { ...user, username: "Nguoi Moi" } }, ...VAL),
    c(X, "a common password", "POST", "/api/users", { json: { ...user, password: "123456789a" } }, ...VAL),
    c(X, "extract text of 2,000,001 characters", "POST", "/api/extract", { json: { text: "a".repeat(2_000_001) } }, ...VAL),

    // ---- media types, origins, sizes --------------------------------------------------------------
    ...([["POST", P, fig], ["POST", PET, petition], ["POST", "/api/users", user], ["PATCH", `/api/users/${A.userId}`, { displayName: "Tên" }],
      ["PUT", NARR, { uu_diem: "x" }], ["POST", "/api/session", { username: "a", password: "b" }], ["PUT", "/api/me/password", { current: "a", password: "b" }],
      ["POST", "/api/extract", { text: "x" }], ["POST", REC, reception], ["POST", ACT, action]] as const)
      .map(([m, p, body]) => c(M, `text/plain form on ${m} ${p}`, m, p, { raw: JSON.stringify(body), headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE")),
    c(M, "form-urlencoded on a register", "POST", REC, { raw: "unitId=1", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c(M, "multipart on figures", "POST", P, { raw: "--x\r\n\r\n--x--", headers: { "content-type": "multipart/form-data; boundary=x" } }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c(M, "no content type on figures", "POST", P, { raw: JSON.stringify(fig) }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c(M, "text/plain CSV import", "POST", "/api/figures/import", { raw: `unit_code,indicator,period,value\n${A.unitCode},reception.turns,2026Q2,4\n`, headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c(M, "text/plain attachment", "POST", ATT("a.pdf"), { raw: PDF, headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c(M, "cross-origin Origin (another port)", "POST", P, { json: fig, headers: { origin: "http://127.0.0.1:8081" } }, 403, "CSRF_REJECTED"),
    c(M, "Sec-Fetch-Site cross-site on a narrative", "PUT", NARR, { json: { uu_diem: "x" }, headers: { "sec-fetch-site": "cross-site", "if-match": "0" } }, 403, "CSRF_REJECTED"),
    c(M, "Sec-Fetch-Site same-site on a delete", "DELETE", `/api/figures/${A.figureId}`, { headers: { "sec-fetch-site": "same-site" } }, 403, "CSRF_REJECTED"),
    c(M, "Origin null on a new user", "POST", "/api/users", { json: user, headers: { origin: "null" } }, 403, "CSRF_REJECTED"),
    c(M, "cross-site sign-in (login CSRF)", "POST", "/api/session", { json: { username: "a", password: "b" }, headers: { "sec-fetch-site": "cross-site" } }, 403, "CSRF_REJECTED"),
    c(M, "cross-site sign-out", "DELETE", "/api/session", { headers: { "sec-fetch-site": "cross-site" } }, 403, "CSRF_REJECTED"),
    c(M, "declared 60 MB on figures", "POST", P, { raw: "x", headers: { "content-type": "application/json", "content-length": String(60 * MB) } }, 413, "PAYLOAD_TOO_LARGE"),
    c(M, "chunked 120 MB on users (cut off while streaming)", "POST", "/api/users", { raw: chunked(120 * MB), headers: { "content-type": "application/json" } }, 413, "PAYLOAD_TOO_LARGE"),
    c(M, "1.1 MB JSON petition", "POST", PET, { json: { ...petition, content: "a".repeat(1.1 * MB) } }, 413, "PAYLOAD_TOO_LARGE"),
    c(M, "2 MB narrative", "PUT", NARR, { json: { uu_diem: "a".repeat(2 * MB) }, headers: { "if-match": "0" } }, 413, "PAYLOAD_TOO_LARGE"),
    c(M, "11 MB attachment", "POST", ATT("lon.pdf"), { raw: new Uint8Array(Buffer.concat([Buffer.from(PDF), Buffer.alloc(11 * MB, 0x20)])), headers: { "content-type": "application/pdf" } }, 413, "PAYLOAD_TOO_LARGE"),
    c(M, "17 MB extract", "POST", "/api/extract", { json: { fileBase64: "A".repeat(17 * MB) } }, 413, "PAYLOAD_TOO_LARGE"),

    // ---- files -----------------------------------------------------------------------------------
    c(F, "fake .docx (PK header + text)", "POST", ATT("hoso.docx"), { raw: new Uint8Array(Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from("không phải Word")])), headers: { "content-type": "application/octet-stream" } }, 400, "REGISTER_ATTACHMENT_TYPE"),
    c(F, "a zip that is not a .docx", "POST", ATT("hoso.docx"), { raw: new Uint8Array(zipOf([["a.txt", Buffer.from("x")]])), headers: { "content-type": "application/octet-stream" } }, 400, "REGISTER_ATTACHMENT_TYPE"),
    c(F, "an .exe named .pdf", "POST", ATT("hoso.pdf"), { raw: new Uint8Array(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)])), headers: { "content-type": "application/pdf" } }, 400, "REGISTER_ATTACHMENT_TYPE"),
    c(F, "an empty file", "POST", ATT("rong.pdf"), { raw: new Uint8Array(0), headers: { "content-type": "application/pdf" } }, 400, "REGISTER_ATTACHMENT_EMPTY"),
    c(F, "RLO in a file name (hoso\u202Egnp.exe)", "POST", ATT("hoso\u202Egnp.exe"), { raw: PDF, headers: { "content-type": "application/pdf" } }, 400, "REGISTER_ATTACHMENT_NAME"),
    c(F, "RLI in a file name", "POST", ATT("hoso\u2067fdp.exe"), { raw: PDF, headers: { "content-type": "application/pdf" } }, 400, "REGISTER_ATTACHMENT_NAME"),
    c(F, "RLM in a file name", "POST", ATT("hoso\u200Fexe.pdf"), { raw: PDF, headers: { "content-type": "application/pdf" } }, 400, "REGISTER_ATTACHMENT_NAME"),
    c(F, "no file name", "POST", `${PET}/${A.petitionId}/attachments`, { raw: PDF, headers: { "content-type": "application/pdf" } }, ...VAL),
    c(F, "a .docx bomb as an attachment", "POST", ATT("bom.docx"), { raw: new Uint8Array(docxBomb(100)), headers: { "content-type": "application/octet-stream" } }, 400, "REGISTER_ATTACHMENT_TYPE"),
    c(F, "a .docx bomb to the report reader", "POST", "/api/extract", { json: { fileBase64: docxBomb(100).toString("base64"), name: "bom.docx" } }, 413, "EXTRACT_TOO_LARGE"),
    c(F, "fake .docx to the report reader", "POST", "/api/extract", { json: { fileBase64: Buffer.from("PK\u0003\u0004 không phải Word").toString("base64"), name: "gia.docx" } }, 400, "EXTRACT_DOCX"),

    // ---- the portal's staff forms (issue 15: consultations, code slips, paper ballots, notice revisions) ----
    ...portalCases(w, c),

    // ---- structure -------------------------------------------------------------------------------
    c(S, "a unit merged into itself", "POST", "/api/lineage", { json: { kind: "merge", date: DAY, from: [A.unitId], to: [A.unitId] }, as: "national-admin" }, 400, "VALIDATION"),
    c(S, "a stale petition save", "PUT", `${PET}/${A.petitionId}`, { json: { content: "Sửa", version: 0 } }, 409, "CONFLICT"),
    c(S, "a figure of an unknown unit code", "POST", P, { json: { ...without(fig, "unitId"), unitCode: "00000" } }, 404, "UNIT_NOT_FOUND"),
  ];
}

/**
 * The portal's staff writes the staff page sends (open a consultation, issue or re-issue codes, a
 * paper ballot, closing, a notice revision): bad values, wrong types, extra fields, oversized bodies.
 */
function portalCases(w: World, c: (category: Case["category"], name: string, method: string, path: string, input: Partial<Case>, status: number, code: string, detail?: string) => Case): Case[] {
  const A = w.a;
  const CONS = "/api/portal/consultations";
  const ONE = `${CONS}/${A.portal.consultations}`;
  const NOTICE = `/api/portal/notices/${A.portal.notices}`;
  const cons = { unitId: A.unitId, community: "Thôn 2", kind: "decide", matter: "dong_gop_cong_trinh", question: "Mức đóng góp?", documents: "Tờ trình", form: "phieu", opensOn: DAY, closesOn: "2026-03-31", households: 12 };
  const COMMUNE = "/api/portal/commune-decisions";
  const commune = { unitId: A.unitId, matter: "dong_gop_cong_trinh", question: "Đóng góp làm đường liên thôn?", documents: "Tờ trình", villages: 9, opensOn: DAY };
  const VAL = [400, "VALIDATION"] as const;
  const big = "a".repeat(1.1 * 1024 * 1024);
  return [
    c("dates", "consultation closing before it opens", "POST", CONS, { json: { ...cons, closesOn: "2026-03-01" } }, 400, "REGISTER_DATE_ORDER"),
    c("dates", "consultation opening on 2026-02-30", "POST", CONS, { json: { ...cons, opensOn: "2026-02-30" } }, 400, "VALIDATION", "DATE_INVALID"),
    c("numbers", "consultation of 0 households", "POST", CONS, { json: { ...cons, households: 0 } }, ...VAL),
    c("numbers", "consultation of 5001 households", "POST", CONS, { json: { ...cons, households: 5001 } }, ...VAL),
    c("numbers", "consultation of 2.5 households", "POST", CONS, { json: { ...cons, households: 2.5 } }, ...VAL),
    c("types and missing fields", "consultation households as a string", "POST", CONS, { json: { ...cons, households: "12" } }, ...VAL),
    c("types and missing fields", "consultation without a question", "POST", CONS, { json: { ...cons, question: " " } }, ...VAL),
    c("enums and extra fields", "consultation form email", "POST", CONS, { json: { ...cons, form: "email" } }, ...VAL),
    c("enums and extra fields", "consultation kind vote", "POST", CONS, { json: { ...cons, kind: "vote" } }, ...VAL),
    c("types and missing fields", "decision without its matter (Điều 15 khoản …)", "POST", CONS, { json: { ...cons, matter: undefined } }, ...VAL),
    c("enums and extra fields", "decision on matter khoan_9", "POST", CONS, { json: { ...cons, matter: "khoan_9" } }, ...VAL),
    c("structure", "contributions voted online (Điều 17 khoản 2)", "POST", CONS, { json: { ...cons, form: "truc_tuyen" } }, 400, "CONSULTATION_FORM_NOT_ALLOWED"),
    c("enums and extra fields", "consultation with its result already set", "POST", CONS, { json: { ...cons, result: { passed: true } } }, ...VAL),
    c("text", "consultation documents of 20,001 characters", "POST", CONS, { json: { ...cons, documents: "a".repeat(20_001) } }, ...VAL),
    c("text", "NUL in a consultation question", "POST", CONS, { json: { ...cons, question: "a\u0000b" } }, 400, "TEXT_INVALID"),
    c("media types, origins and sizes", "1.1 MB consultation", "POST", CONS, { json: { ...cons, documents: big } }, 413, "PAYLOAD_TOO_LARGE"),
    c("media types, origins and sizes", "text/plain consultation", "POST", CONS, { raw: JSON.stringify(cons), headers: { "content-type": "text/plain" } }, 415, "UNSUPPORTED_MEDIA_TYPE"),
    c("structure", "hương ước on ballots without a meeting (Điều 17 khoản 2)", "POST", CONS, { json: { ...cons, matter: "huong_uoc" } }, 400, "CONSULTATION_BALLOT_NEEDS_MEETING"),
    c("structure", "ballots after a meeting that is not one (the seeded online decision)", "POST", CONS, { json: { ...cons, matter: "huong_uoc", afterMeeting: A.portal.consultations } }, 400, "CONSULTATION_BALLOT_NEEDS_MEETING"),
    c("structure", "ballots after a meeting that does not exist", "POST", CONS, { json: { ...cons, afterMeeting: 999999 } }, 404, "CONSULTATION_NOT_FOUND"),
    c("structure", "a meeting 'after a meeting' (ballots only)", "POST", CONS, { json: { ...cons, form: "hoi_nghi", afterMeeting: A.portal.consultations } }, ...VAL),
    c("types and missing fields", "afterMeeting as a string", "POST", CONS, { json: { ...cons, afterMeeting: "1" } }, ...VAL),
    c("structure", "a village decision joining a commune decision that does not exist", "POST", CONS, { json: { ...cons, communeDecisionId: 999999 } }, 404, "COMMUNE_DECISION_NOT_FOUND"),
    c("enums and extra fields", "commune decision on a hương ước (only khoản 1, 2)", "POST", COMMUNE, { json: { ...commune, matter: "huong_uoc" } }, ...VAL),
    c("numbers", "commune decision of 0 villages", "POST", COMMUNE, { json: { ...commune, villages: 0 } }, ...VAL),
    c("numbers", "commune decision of 501 villages", "POST", COMMUNE, { json: { ...commune, villages: 501 } }, ...VAL),
    c("types and missing fields", "commune decision villages as a string", "POST", COMMUNE, { json: { ...commune, villages: "9" } }, ...VAL),
    c("enums and extra fields", "commune decision with its result already set", "POST", COMMUNE, { json: { ...commune, result: { passed: true } } }, ...VAL),
    c("text", "NUL in a commune decision question", "POST", COMMUNE, { json: { ...commune, question: "a\u0000b" } }, 400, "TEXT_INVALID"),
    c("media types, origins and sizes", "1.1 MB commune decision", "POST", COMMUNE, { json: { ...commune, documents: big } }, 413, "PAYLOAD_TOO_LARGE"),
    c("structure", "closing a commune decision that does not exist", "POST", `${COMMUNE}/999999/close`, { json: {} }, 404, "COMMUNE_DECISION_NOT_FOUND"),
    c("enums and extra fields", "closing a commune decision with a count of its own", "POST", `${COMMUNE}/999999/close`, { json: { approving: 9 } }, ...VAL),
    c("types and missing fields", "codes re-issued for \"Hộ 1\" (not a household label)", "POST", `${ONE}/codes`, { json: { reissue: ["Hộ 1"] } }, ...VAL),
    c("structure", "codes re-issued for a household never given one", "POST", `${ONE}/codes`, { json: { reissue: ["Hộ số 999"] } }, ...VAL),
    c("numbers", "codes re-issued for 5001 households", "POST", `${ONE}/codes`, { json: { reissue: Array.from({ length: 5001 }, (_, i) => `Hộ số ${i + 1}`) } }, ...VAL),
    c("enums and extra fields", "codes with an extra field", "POST", `${ONE}/codes`, { json: { households: 500 } }, ...VAL),
    c("structure", "paper ballot with a code never issued", "POST", `${ONE}/ballots`, { json: { code: "ABCD-EFGH", choice: "yes" } }, 400, "HOUSEHOLD_CODE_INVALID"),
    c("text", "paper ballot with a malformed code", "POST", `${ONE}/ballots`, { json: { code: "<b>ABCD</b>", choice: "yes" } }, ...VAL),
    c("enums and extra fields", "paper ballot choice maybe", "POST", `${ONE}/ballots`, { json: { code: "ABCD-EFGH", choice: "maybe" } }, ...VAL),
    c("media types, origins and sizes", "1.1 MB paper ballot", "POST", `${ONE}/ballots`, { json: { code: big, choice: "yes" } }, 413, "PAYLOAD_TOO_LARGE"),
    c("numbers", "closing with -1 households attending", "POST", `${ONE}/close`, { json: { attending: -1 } }, ...VAL),
    c("numbers", "closing with more attending than households", "POST", `${ONE}/close`, { json: { attending: 11 } }, ...VAL),
    c("types and missing fields", "closing with attending as a string", "POST", `${ONE}/close`, { json: { attending: "5" } }, ...VAL),
    c("types and missing fields", "notice revision with material \"yes\"", "PUT", NOTICE, { json: { body: "Sửa", material: "yes", version: 1 } }, ...VAL),
    c("structure", "notice revision marked material with nothing changed", "PUT", NOTICE, { json: { material: true, version: 1 } }, ...VAL),
    c("structure", "notice revision marked material with another posting day", "PUT", NOTICE, { json: { body: "Nội dung mới", material: true, postedOn: "2026-03-01", version: 1 } }, ...VAL),
    c("structure", "a stale notice revision", "PUT", NOTICE, { json: { body: "Nội dung mới", version: 0 } }, 409, "CONFLICT"),
    c("text", "notice revision title of 301 characters", "PUT", NOTICE, { json: { title: "a".repeat(301), version: 1 } }, ...VAL),
    c("media types, origins and sizes", "1.1 MB notice revision", "PUT", NOTICE, { json: { body: big, version: 1 } }, 413, "PAYLOAD_TOO_LARGE"),
  ];
}
