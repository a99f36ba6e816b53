/**
 * Requests generated from the OpenAPI document the app serves (GET /api/openapi.json): every
 * operation, the generic `{register}` ones once per register, with path parameters, query and body
 * made from the operation's schema and pointed at one province's unit and records. A new endpoint
 * is in the matrix as soon as it is registered with route(); a new kind of path parameter fails the
 * suite until `pathValue` knows what to put there.
 */
import { bodyPolicy } from "../../src/http/edge.ts";
import { DAY, PDF, PERIOD, REGISTER_KEYS, sampleRecord, type RegisterName, type Targets, type World } from "./harness.ts";

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
};
interface Parameter { name: string; in: "path" | "query"; required: boolean; schema: Schema }
interface Operation { parameters: Parameter[]; requestBody?: { content: { "application/json": { schema: Schema } } }; security?: unknown[] }

/** One operation, or one register's instance of a generic `{register}` operation. */
export interface Variant {
  /** "POST /api/registers/{register} [dvk]" */
  key: string;
  method: string;
  path: string;
  op: Operation;
  register?: RegisterName;
  /** false for the endpoints open without sign-in (POST and DELETE /api/session). */
  auth: boolean;
}

/** A concrete request. `scoped`: it names a unit, record or user of the targets' province. */
export interface Built {
  method: string;
  path: string;
  body?: BodyInit;
  headers: Record<string, string>;
  scoped: boolean;
  /** The path names a unit or record, and so do the query or body (they can point at different provinces). */
  mixable: boolean;
}

export async function variants(world: World): Promise<Variant[]> {
  const doc = (await (await world.app.request("/api/openapi.json")).json()) as { paths: Record<string, Record<string, Operation>> };
  const out: Variant[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const auth = !(Array.isArray(op.security) && op.security.length === 0);
      const base = { method: method.toUpperCase(), path, op, auth };
      if (path.includes("{register}")) {
        for (const register of REGISTER_KEYS) out.push({ ...base, key: `${base.method} ${path} [${register}]`, register });
      } else out.push({ ...base, key: `${base.method} ${path}` });
    }
  }
  return out;
}

let unique = 0;
/** Property and parameter names that point at a unit, a record or a user. */
const SCOPED_NAMES = new Set(["unitId", "unitCode", "parentId", "fromId", "toId", "userId", "teamId", "from", "to"]);

/** What goes in a path parameter, by its name and the segment before it. */
export function pathValue(v: Variant, name: string, t: Targets): string {
  const segments = v.path.split("/");
  const before = segments[segments.indexOf(`{${name}}`) - 1];
  switch (name) {
    case "unitId": return String(before === "province" ? t.provinceId : t.unitId);
    case "period": return PERIOD;
    case "action": return "submit";
    case "register": return v.register!;
    case "id":
      switch (before) {
        case "users": return String(t.userId);
        case "units": return String(t.unitId);
        case "figures": return String(t.figureId);
        case "petitions": return String(t.petitionId);
        case "attachments": return String(t.attachmentId);
        case "dvk": return String(t.records.dvk);
        case "notices": case "consultations": case "feedback": case "news": case "commune-decisions": return String(t.portal[before]);
        case "boards": case "members": case "items": case "findings": return String(t.oversight[before]);
        case "{register}": return String(v.register === "petitions" ? t.petitionId : t.records[v.register as Exclude<RegisterName, "petitions">]);
      }
  }
  throw new Error(`${v.key}: no value for the path parameter {${name}} after "${before}" — teach test/adversarial/openapi.ts pathValue`);
}

/** Set when a generated value points at the targets' unit, records or users. */
let aimed = false;
/** The version of the record a write is aimed at (read first by the matrix), so the write is not refused as stale. */
let version: number | undefined;

/** A value for a query parameter or body property, by name first, then by schema. */
function valueFor(name: string, schema: Schema, t: Targets, v: Variant): unknown {
  const isArray = schema.type === "array";
  const at = <T>(x: T): T => ((aimed = true), x);
  switch (name) {
    case "unitId": case "fromId": case "toId": return at(t.unitId);
    case "parentId": return at(t.provinceId);
    case "level": return "commune";
    case "section": return "strengths";
    case "unitCode": return at(t.unitCode);
    // A unit code where the schema is sized for one (the consistency check), a measure elsewhere (indicators).
    case "unit": return (schema.maxLength ?? 99) <= 10 ? at(t.unitCode) : "lượt";
    case "userId": return at(t.userId);
    case "teamId": return at(t.records.mediation_team);
    case "entityId": return at(String(t.petitionId));
    case "from": case "to":
      if (isArray) return at([t.unitId]);
      if (schema.enum?.includes("in_progress")) return "in_progress"; // the next step of a Dân vận khéo model
      if (schema.format === "date" || v.method === "GET") return name === "from" ? "2026-01-01" : "2026-06-30";
      break;
    case "period": return v.path.startsWith("/api/figures") && v.method !== "GET" ? "2026Q2" : PERIOD;
    case "indicator": case "left": return "reception.turns";
    case "right": return "reception.people";
    case "month": return "2026-03";
    case "year": return "2026";
    case "filename": return "tep.pdf";
    case "username": return `adv.${++unique}`;
    case "password": return `Mat-khau-rat-dai-${++unique}`;
    case "current": return "mat-khau-thu";
    case "version": return version ?? 1;
    case "key": if (schema.pattern) return `adv.k_${++unique}`; break;
    // A household's voting code where the schema asks for one (portal ballots), a unit code elsewhere.
    case "code": return schema.pattern?.includes("A-Z") ? "ABCD-EFGH" : `9${String(++unique).padStart(4, "0")}`;
    case "entity": return "petition";
    case "text": return "Năm 2026, xã hòa giải thành 12 vụ.";
    case "value": return 1;
  }
  return fromSchema(schema, t, v);
}

function fromSchema(s: Schema, t: Targets, v: Variant): unknown {
  if (s.anyOf) return fromSchema(s.anyOf.find((x) => x.type !== "null") ?? s.anyOf[0]!, t, v);
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  switch (type) {
    case "object": return objectFrom(s, t, v);
    case "array": return Array.from({ length: s.minItems ?? 0 }, () => fromSchema(s.items ?? {}, t, v));
    case "integer": return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case "number": return s.maximum !== undefined && s.maximum <= 1 ? 0.5 : 1;
    case "boolean": return false;
    case "string": {
      if (s.format === "date") return DAY;
      if (s.pattern === "^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$") return "10-01";
      if (s.pattern?.startsWith("^\\d{4}")) return PERIOD;
      const text = "Nội dung thử nghiệm đối kháng";
      return text.slice(0, Math.max(s.minLength ?? 1, Math.min(text.length, s.maxLength ?? text.length)));
    }
  }
  return "x";
}

function objectFrom(s: Schema, t: Targets, v: Variant): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.properties) {
    const required = new Set(s.required ?? []);
    for (const [name, p] of Object.entries(s.properties)) {
      if (required.has(name) || SCOPED_NAMES.has(name) || (name === "version" && version !== undefined) || name === "text") out[name] = valueFor(name, p, t, v);
    }
    if ("unitId" in out && "unitCode" in out) delete out.unitCode;
  } else if (s.additionalProperties && typeof s.additionalProperties === "object") {
    out.uu_diem = fromSchema(s.additionalProperties, t, v);
  }
  return out;
}

/** The request of a variant aimed at a province's targets. */
export function build(v: Variant, pathT: Targets, current?: number, t: Targets = pathT): Built {
  let scoped = false;
  let pathScoped = false;
  aimed = false;
  version = current;
  const path = v.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name !== "period" && name !== "action" && name !== "register") pathScoped = true;
    return encodeURIComponent(pathValue(v, name, pathT));
  });
  const query = new URLSearchParams();
  for (const p of v.op.parameters.filter((x) => x.in === "query")) {
    if (!p.required && !SCOPED_NAMES.has(p.name) && !(p.name === "entityId" || p.name === "entity")) continue;
    if (p.name === "unitCode" && v.op.parameters.some((x) => x.name === "unitId")) continue;
    query.set(p.name, String(valueFor(p.name, p.schema, t, v)));
  }
  const qs = query.size ? `?${query}` : "";
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  const json = v.op.requestBody?.content["application/json"].schema;
  const policy = bodyPolicy(v.path, json !== undefined);
  if (v.register && (v.method === "POST" || v.method === "PUT") && !v.path.endsWith("/attachments") && !v.path.endsWith("/export")) {
    body = JSON.stringify({ ...sampleRecord(v.register, t.unitId, "Thử"), ...(v.method === "PUT" ? { version: current ?? 1 } : {}) });
    headers["content-type"] = "application/json";
    scoped = true;
  } else if (json) {
    const generated = fromSchema(json, t, v);
    body = JSON.stringify(generated);
    headers["content-type"] = "application/json";
  } else if (policy && v.method !== "GET") {
    // Bodies the document does not describe as JSON: CSV imports and file uploads.
    if (policy.accepts.includes("text/csv")) {
      body = `unit_code,indicator,period,value\n${t.unitCode},reception.turns,2026Q2,1\n`;
      headers["content-type"] = "text/csv";
      scoped = true;
    } else {
      body = PDF;
      headers["content-type"] = "application/pdf";
    }
  }
  if (v.method === "PUT" && v.path.endsWith("/narrative")) headers["if-match"] = String(current ?? 1);
  if (aimed) scoped = true;
  return { method: v.method, path: path + qs, ...(body !== undefined ? { body } : {}), headers, scoped: scoped || pathScoped, mixable: scoped && pathScoped };
}

/** Whether a write carries the version of what it changes (a body field or If-Match). */
export function versioned(v: Variant): boolean {
  if (v.method === "GET" || v.method === "DELETE") return false;
  const props = v.op.requestBody?.content["application/json"].schema.properties ?? {};
  return "version" in props || v.path.endsWith("/narrative") || (v.register !== undefined && v.method === "PUT");
}

