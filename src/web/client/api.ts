/** Talking to the danvan API from the browser: one fetch wrapper, the error shape, shared types. */
import type { Ability } from "../../accounts/policy.ts";
import type { Actor } from "../../accounts/actor.ts";
import type { UnitNode } from "../../core/hierarchy.ts";
import { t, tf } from "./i18n.ts";

export type { Dashboard, FormData, IndicatorRow, ReformView } from "../../dashboard/dashboard.service.ts";
export type { Comparison } from "../../registers/figures.ts";
export type { Submission } from "../../submissions/submission.service.ts";
export type { Figure } from "../../figures/figure.repository.ts";
export type { Indicator } from "../../indicators/indicator.service.ts";
export type { UserInfo } from "../../accounts/user.service.ts";
export type { Ability };

export type UserActor = Extract<Actor, { kind: "user" }>;
export interface Me {
  user: UserActor;
  unit: UnitNode | null;
  abilities: Ability[];
  /** The server's date (Vietnam), which every date check uses. */
  today: string;
  /** The day of the month periods start on (settings; 1 = calendar months): a period's real last day. */
  cutoffDay: number;
}
export type UnitView = UnitNode & { childCount: number };

/** An API error with its stable code (clients branch on codes, show the Vietnamese message). */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number, readonly details?: unknown) {
    super(message);
  }
}

/** True when the request never reached the server (offline, dropped connection): worth retrying. */
export const isNetworkError = (e: unknown): boolean => e instanceof ApiError && (e.code === "NETWORK" || e.status >= 500);

/** The wait a busy server asked for (503 SERVER_BUSY's details.retryAfter, seconds) in ms, if any. */
export const retryAfterMsOf = (e: unknown): number | undefined => {
  const s = e instanceof ApiError ? (e.details as { retryAfter?: unknown } | undefined)?.retryAfter : undefined;
  return typeof s === "number" && s > 0 ? s * 1000 : undefined;
};

/** Calls the API (extra headers such as If-Match); throws ApiError (code NETWORK when the connection failed). */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError("NETWORK", t("Mất kết nối tới máy chủ."), 0);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    if (!res.ok) throw new ApiError("NETWORK", t("Máy chủ trả lời không hợp lệ."), res.status);
  }
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
    throw new ApiError(err?.code ?? "HTTP_" + res.status, err?.message ?? tf("Lỗi {status}", { status: res.status }), res.status, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
export const qs = (o: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [k, String(v)])).toString();

let paths: Promise<Set<string>> | undefined;
/** Whether the server offers an endpoint (pages for features still being built check this). */
export async function hasEndpoint(path: string): Promise<boolean> {
  paths ??= get<{ paths: Record<string, unknown> }>("/api/openapi.json").then((d) => new Set(Object.keys(d.paths))).catch(() => new Set<string>());
  return (await paths).has(path);
}
