/**
 * Pure: the entry forms of the record registers (reception and dialogues, mediation teams and
 * cases, campaigns and oversight, Dân vận khéo, commendations) as data — which fields, in which
 * order, with which labels — and the conversions between a form's values and the API's input.
 * The server validates again (src/registers/records.ts); register-forms.test.ts checks that every
 * form produces input the server's schemas accept.
 */
import {
  DVK_FIELDS, DVK_KINDS, GENDERS, LEADER_TITLES, LEVELS, levelsOn, MEDIATION_RESULTS, OVERSIGHT_KINDS, RECEPTION_KINDS, SUBJECTS, TEAM_ROLES, TOPICS,
} from "../../registers/vocabulary.ts";
import { PETITION_LIMITS, PETITION_TYPE_LABELS, PHONE_PATTERN } from "../../registers/petition-rules.ts";
import { t, tf } from "./i18n.ts";
import { parseNumber } from "./validate.ts";

interface Base {
  name: string;
  label: string;
  hint?: string;
}
export type FieldSpec = Base & (
  /** max: the server's limit in characters (a counter under the field); type: the input's type ("tel"). */
  | { kind: "text" | "textarea"; required?: boolean; max?: number; type?: "tel"; rows?: number }
  | { kind: "date"; required?: boolean; notFuture?: boolean }
  | { kind: "count"; nullable?: boolean }
  /** datedBy: a date field; options that exist only on some dates (levels: no district from 1 July 2025) follow it. */
  | { kind: "select"; options: Readonly<Record<string, string>>; datedBy?: string }
  | { kind: "check" }
  | { kind: "texts"; item: string; min?: number }
  | { kind: "rows"; item: string; fields: FieldSpec[] }
  /** A mediation team of the unit (its id), chosen from the team register. */
  | { kind: "team" }
);

export interface RegisterForm {
  /** "Thêm …" button and form heading. */
  noun: string;
  fields: FieldSpec[];
}

const text = (name: string, label: string, required = false, max?: number): FieldSpec => ({ name, label, kind: "text", required, ...(max ? { max } : {}) });
const area = (name: string, label: string, required = false): FieldSpec => ({ name, label, kind: "textarea", required });
const date = (name: string, label: string, required = true): FieldSpec => ({ name, label, kind: "date", required });
const count = (name: string, label: string, nullable = false): FieldSpec => ({ name, label, kind: "count", nullable });
const select = (name: string, label: string, options: Readonly<Record<string, string>>, datedBy?: string): FieldSpec => ({ name, label, kind: "select", options, ...(datedBy ? { datedBy } : {}) });

export const REGISTER_FORMS: Record<string, RegisterForm> = {
  reception: {
    noun: "buổi tiếp công dân, đối thoại",
    fields: [
      select("kind", "Hình thức", RECEPTION_KINDS), date("date", "Ngày"), text("leaderName", "Người chủ trì", true),
      select("leaderTitle", "Chức danh", LEADER_TITLES), text("leaderTitleText", "Chức danh (ghi rõ)"), text("place", "Địa điểm"),
      count("turns", "Số lượt"), count("people", "Số người"), area("participants", "Thành phần tham dự"),
      { name: "matters", label: "Nội dung công dân nêu", item: "nội dung", kind: "rows", fields: [
        area("content", "Nội dung", true), area("conclusion", "Kết luận, trả lời"), area("followUp", "Theo dõi thực hiện"),
        { name: "done", label: "Đã giải quyết xong", kind: "check" },
      ] },
    ],
  },
  mediation_team: {
    noun: "tổ hòa giải",
    fields: [
      text("name", "Tên tổ", true), text("village", "Thôn, tổ dân phố"), date("date", "Ngày thành lập"),
      { name: "members", label: "Hòa giải viên", item: "hòa giải viên", kind: "rows", hint: "Ít nhất 3 người, có hòa giải viên nữ (Luật Hòa giải ở cơ sở, Điều 12).",
        fields: [text("name", "Họ tên", true), select("gender", "Giới tính", GENDERS), select("role", "Vai trò", { hoa_giai_vien: TEAM_ROLES.hoa_giai_vien, to_truong: TEAM_ROLES.to_truong })] },
    ],
  },
  mediation_case: {
    noun: "vụ việc hòa giải",
    fields: [
      { name: "teamId", label: "Tổ hòa giải", kind: "team" }, date("date", "Ngày nhận vụ việc"),
      { name: "mediators", label: "Hòa giải viên", item: "hòa giải viên", kind: "texts", min: 1 },
      area("parties", "Các bên", true), area("matter", "Nội dung vụ việc", true), area("agreement", "Thỏa thuận đạt được"),
      select("result", "Kết quả", MEDIATION_RESULTS), date("resultDate", "Ngày kết thúc hòa giải", false), area("followUp", "Theo dõi thực hiện"),
    ],
  },
  oversight: {
    noun: "cuộc phát động, giám sát, khảo sát, kiểm tra",
    fields: [
      select("kind", "Loại", OVERSIGHT_KINDS), text("title", "Tên cuộc, đợt", true), date("date", "Ngày bắt đầu"), date("endDate", "Ngày kết thúc", false),
      area("subjects", "Đối tượng"), area("topics", "Nội dung, chủ đề"), count("sessions", "Số buổi"), count("teams", "Số đoàn, đội"),
      count("participants", "Số người tham gia"), count("villagesReached", "Số thôn được phát động", true), count("villagesTotal", "Tổng số thôn", true),
      { name: "findings", label: "Kết quả, phát hiện", item: "kết quả", kind: "texts" },
      { name: "recommendations", label: "Kiến nghị", item: "kiến nghị", kind: "rows", fields: [
        area("content", "Kiến nghị", true), { name: "actedOn", label: "Đã được tiếp thu, thực hiện", kind: "check" }, text("note", "Ghi chú"),
      ] },
    ],
  },
  dvk: {
    noun: "mô hình, điển hình \"Dân vận khéo\"",
    fields: [
      select("kind", "Loại", DVK_KINDS), select("subject", "Tập thể / cá nhân", SUBJECTS), text("name", "Tên mô hình, điển hình", true),
      text("holder", "Chủ thể thực hiện"), select("field", "Lĩnh vực", DVK_FIELDS), date("date", "Ngày đăng ký"), area("description", "Mô tả"),
    ],
  },
  commendation: {
    noun: "khen thưởng",
    fields: [
      select("subject", "Tập thể / cá nhân", SUBJECTS), text("recipient", "Tập thể, cá nhân được khen", true), select("topic", "Nội dung", TOPICS),
      select("level", "Cấp khen", { xa: LEVELS.xa, tinh: LEVELS.tinh, trung_uong: LEVELS.trung_uong, huyen: LEVELS.huyen }, "date"),
      text("form", "Hình thức (Bằng khen, Giấy khen…)", true), text("decisionNo", "Số quyết định", true), date("date", "Ngày quyết định"), area("reason", "Thành tích"),
    ],
  },
};

/** The petition intake form (sổ đơn thư): its limits are the server's (PETITION_LIMITS). */
export const PETITION_FORM: RegisterForm = {
  noun: "đơn thư",
  fields: [
    select("type", "Loại đơn", PETITION_TYPE_LABELS), { name: "receivedOn", label: "Ngày tiếp nhận", kind: "date", required: true, notFuture: true },
    text("number", "Số đơn", false, PETITION_LIMITS.number), text("petitioner", "Người gửi", true, PETITION_LIMITS.petitioner),
    text("address", "Địa chỉ", false, PETITION_LIMITS.address), { name: "phone", label: "Điện thoại", kind: "text", max: PETITION_LIMITS.phone, type: "tel" },
    select("complexity", "Tính chất vụ việc", { normal: "Bình thường", complex: "Phức tạp", especially_complex: "Đặc biệt phức tạp" }),
    { name: "content", label: "Nội dung", kind: "textarea", required: true, max: PETITION_LIMITS.content, rows: 5 },
    { name: "remote", label: "Vùng sâu, vùng xa", kind: "check" }, { name: "manyPeople", label: "Đông người", kind: "check" },
    { name: "secondTime", label: "Khiếu nại lần hai", kind: "check" },
  ],
};

/**
 * The petition form's values → the API's input, with every check the browser can make in
 * Vietnamese at its field: required texts, lengths, the phone number's shape, no day after today.
 */
export function petitionInput(values: FormValues, today: string): { input: Record<string, unknown>; errors: FieldErrors } {
  const { input, errors } = toInput(PETITION_FORM.fields, values);
  const phone = input.phone;
  if (typeof phone === "string" && !errors.phone && !PHONE_PATTERN.test(phone)) errors.phone = t("Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (6–30 ký tự).");
  const day = input.receivedOn;
  if (typeof day === "string" && !errors.receivedOn && day > today) errors.receivedOn = t("Ngày tiếp nhận không thể sau ngày hôm nay.");
  return { input, errors };
}

/** The options a select offers with these values (a level select: "Cấp huyện" only before 1 July 2025). */
export function offered(f: Extract<FieldSpec, { kind: "select" }>, values: FormValues): Readonly<Record<string, string>> {
  if (!f.datedBy) return f.options;
  const on = levelsOn(typeof values[f.datedBy] === "string" ? (values[f.datedBy] as string) : "");
  return Object.fromEntries(Object.entries(f.options).filter(([k]) => k in on));
}

/** "Dài quá: 10.001/10.000 ký tự, cần bớt 1 ký tự." */
export function tooLong(length: number, max: number): string {
  const nf = new Intl.NumberFormat("vi-VN");
  return tf("Dài quá: {n}/{max} ký tự, cần bớt {d} ký tự.", { n: nf.format(length), max: nf.format(max), d: nf.format(length - max) });
}

/** What a form holds while it is edited: text as typed, lists of rows. */
export type FormValue = string | boolean | string[] | FormValues[];
export type FormValues = { [name: string]: FormValue };

/** Blank values: dates today, selects their first option, lists empty. */
export function emptyValues(fields: readonly FieldSpec[], today: string): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.kind === "date") out[f.name] = f.required ? today : "";
    else if (f.kind === "select") out[f.name] = Object.keys(f.options)[0] ?? "";
    else if (f.kind === "check") out[f.name] = false;
    else if (f.kind === "texts") out[f.name] = Array.from({ length: f.min ?? 0 }, () => "");
    else if (f.kind === "rows") out[f.name] = [];
    else out[f.name] = "";
  }
  return out;
}

/** A stored record's data → the form's values (for editing). */
export function valuesOf(fields: readonly FieldSpec[], data: Readonly<Record<string, unknown>>, today: string): FormValues {
  const out = emptyValues(fields, today);
  for (const f of fields) {
    const v = data[f.name];
    if (v === null || v === undefined) continue;
    if (f.kind === "check") out[f.name] = v === true;
    else if (f.kind === "texts") out[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === "rows") out[f.name] = Array.isArray(v) ? v.map((r) => valuesOf(f.fields, (r ?? {}) as Record<string, unknown>, today)) : [];
    else out[f.name] = String(v);
  }
  return out;
}

/** Field errors by path ("matters.0.content"), in Vietnamese. */
export type FieldErrors = Record<string, string>;

/**
 * The form's values → the API's input. Checks what the browser can check at once (required
 * fields, whole numbers); the server checks the rest and its errors come back by the same paths.
 */
export function toInput(fields: readonly FieldSpec[], values: FormValues, prefix = ""): { input: Record<string, unknown>; errors: FieldErrors } {
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const f of fields) {
    const path = prefix + f.name;
    const v = values[f.name];
    switch (f.kind) {
      case "text": case "textarea": case "date": {
        const s = typeof v === "string" ? v.trim() : "";
        if (!s && f.required) errors[path] = t("Không được để trống.");
        else if (f.kind !== "date" && f.max !== undefined && s.length > f.max) errors[path] = tooLong(s.length, f.max);
        input[f.name] = s || null;
        break;
      }
      case "count": {
        const n = parseNumber(typeof v === "string" ? v : "");
        if (n === null) input[f.name] = f.nullable ? null : 0;
        else if (Number.isNaN(n)) errors[path] = tf("\"{value}\" không phải là số.", { value: String(v).trim() });
        else if (n < 0 || !Number.isInteger(n)) errors[path] = tf("{value}: phải là số nguyên không âm.", { value: String(v).trim() });
        else input[f.name] = n;
        break;
      }
      case "select":
        input[f.name] = typeof v === "string" ? v : "";
        if (f.datedBy && typeof v === "string" && v in f.options && !(v in offered(f, values))) errors[path] = t("Từ 01/7/2025 không còn cấp huyện.");
        break;
      case "check":
        input[f.name] = v === true;
        break;
      case "team":
        input[f.name] = typeof v === "string" && v ? Number(v) : null;
        break;
      case "texts": {
        const items = (Array.isArray(v) ? (v as unknown[]) : []).map((x) => String(x).trim()).filter(Boolean);
        if (items.length < (f.min ?? 0)) errors[path] = tf("Cần ít nhất {n} {item}.", { n: f.min ?? 0, item: t(f.item) });
        input[f.name] = items;
        break;
      }
      case "rows": {
        const rows = Array.isArray(v) ? (v as FormValues[]) : [];
        input[f.name] = rows.map((r, i) => {
          const sub = toInput(f.fields, r, `${path}.${i}.`);
          Object.assign(errors, sub.errors);
          return sub.input;
        });
        break;
      }
    }
  }
  return { input, errors };
}

/** Server validation details (`[{ path, message }]`) → field errors; anything else → null. */
export function serverFieldErrors(details: unknown): FieldErrors | null {
  if (!Array.isArray(details)) return null;
  const out: FieldErrors = {};
  for (const d of details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d?.path === "string" && typeof d.message === "string") out[d.path] = d.message;
  }
  return Object.keys(out).length ? out : null;
}
