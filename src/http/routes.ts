/**
 * A tiny route table: each endpoint is declared once with its zod schemas, which both validate
 * the request and describe it in the OpenAPI document.
 */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Actor } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { bodyPolicy, megabytes, requireMediaType } from "./edge.ts";
import { checkPath, readJson, readQuery } from "./body.ts";

export type Env = { Variables: { actor: Actor | null; token: string | null } };

export interface RouteSpec<Q extends z.ZodType, B extends z.ZodType> {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  body?: B;
  /** false for endpoints open without sign-in. */
  auth?: boolean;
}

export interface Handled<Q, B> {
  c: Context<Env>;
  actor: Actor;
  query: Q;
  body: B;
  params: Record<string, string>;
}

interface Registered {
  spec: RouteSpec<z.ZodType, z.ZodType>;
}

export const registry: Registered[] = [];

/** Registers an endpoint on the app and in the OpenAPI registry. */
export function route<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  app: Hono<Env>,
  spec: RouteSpec<Q, B>,
  handler: (h: Handled<z.infer<Q>, z.infer<B>>) => Promise<Response | unknown>,
): void {
  registry.push({ spec: spec as unknown as RouteSpec<z.ZodType, z.ZodType> });
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ":$1");
  const policy = bodyPolicy(spec.path, spec.body !== undefined);
  // The body is read as it arrives and refused past the route's limit (chunked uploads too),
  // before anything else is done with it.
  const limit = bodyLimit({
    maxSize: policy?.maxBytes ?? 64 * 1024,
    onError: () => {
      const max = policy?.maxBytes ?? 64 * 1024;
      throw new DomainError("PAYLOAD_TOO_LARGE", `Dữ liệu gửi lên quá lớn (tối đa ${megabytes(max)} cho thao tác này).`, { maxBytes: max });
    },
  });
  app.on(spec.method.toUpperCase(), honoPath, async (c, next) => {
    // Who, then the media type (a cross-site form's text/plain, form-urlencoded or multipart is
    // refused), then the size: nothing is read for a request that will be refused anyway.
    if (spec.auth !== false && !c.get("actor")) throw new DomainError("UNAUTHENTICATED", "Bạn cần đăng nhập.");
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (policy) requireMediaType(c.req.header("content-type"), policy);
    // A declared length is checked from the header alone (the body stays unread: see body.ts);
    // a chunked body is counted as it streams.
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > (policy?.maxBytes ?? 64 * 1024)) await limit(c, next);
      else await next();
      return;
    }
    return limit(c, next);
  }, async (c) => {
    const actor = c.get("actor");
    checkPath(c.req.url);
    const rawQuery = readQuery(c.req.url);
    const query = spec.query ? spec.query.parse(rawQuery) : undefined;
    let body: unknown;
    if (spec.body) body = spec.body.parse(await readJson(c));
    const out = await handler({ c, actor: actor as Actor, query: query as z.infer<Q>, body: body as z.infer<B>, params: c.req.param() as Record<string, string> });
    if (out instanceof Response) return out;
    return c.json(out as object);
  });
}

/** The OpenAPI 3.1 description of every registered endpoint. */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const { spec } of registry) {
    const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    if (spec.query) {
      const js = z.toJSONSchema(spec.query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, object>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) params.push({ name, in: "query", required: (js.required ?? []).includes(name), schema: schema as { type: string } });
    }
    (paths[spec.path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      parameters: params,
      ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(spec.body, { io: "input", unrepresentable: "any" }) } } } } : {}),
      responses: {
        "200": { description: "OK" },
        "4XX": { description: "Lỗi: { error: { code, message, details } }", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
      ...(spec.auth === false ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "danvan API", version: "0.1.0", description: "API của danvan: đơn vị hành chính theo thời gian, chỉ tiêu, số liệu, báo cáo." },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "danvan_session" } },
      schemas: { Error: { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, details: {} }, required: ["code", "message"] } } } },
    },
    security: [{ session: [] }],
    paths,
  };
}
