import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SECTIONS } from "../../indicators/catalog.ts";
import { NARRATIVE_KEYS } from "../../reports/narrative.ts";
import { ACTION_NAMES, PETITION_STATE_LABELS, PETITION_TYPE_LABELS } from "../../registers/petition-rules.ts";
import { REGISTERS } from "../../registers/records.ts";
import { DVK_STATE_LABELS, LEVELS, VALUE_LABELS } from "../../registers/vocabulary.ts";
import { currentLang, setLang, t, tf } from "./i18n.ts";
import { EN } from "./i18n-en.ts";
import { PETITION_FORM, REGISTER_FORMS, toInput, type FieldSpec } from "./register-forms.ts";
import { ANSWER_STATUS_LABELS, BOARD_LABELS, CONFLICT_RULES, REPRESENTS_LABELS, ROLE_LABELS } from "../../oversight/rules.ts";
import { CHOICE_LABELS, CONSULT_FORM_LABELS, MATTER_RULES } from "../../portal/vote-rules.ts";

const DIR = import.meta.dirname ?? new URL(".", import.meta.url).pathname;

/** A string shown through t(), with the context it is looked up in. */
type Use = { key: string; context?: string };

/** Every string literal passed to t(), tf() or tl() in a source text (with a literal context). */
function literalUses(source: string): Use[] {
  const out: Use[] = [];
  for (const m of source.matchAll(/(?<![\w$.])(?:t|tf|tl)\(\s*"((?:[^"\\\n]|\\.)*)"(?:\s*,\s*"(\w+)")?/g)) {
    out.push({ key: JSON.parse(`"${m[1]}"`) as string, ...(m[2] ? { context: m[2] } : {}) });
  }
  return out;
}
const literalKeys = (source: string) => literalUses(source).map((u) => u.key);

/** The entry t() uses: "key|context" when the dictionary has it, else the key. */
const entry = ({ key, context }: Use) => (context && `${key}|${context}` in EN ? `${key}|${context}` : key);

/** The client's sources (not tests), by file name. */
const SOURCES = readdirSync(DIR)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(join(DIR, f), "utf8") }));

/** Labels, items, nouns, hints and option labels of the register forms (shown through t()). */
function formStrings(): Use[] {
  const out: Use[] = [];
  const walk = (fields: readonly FieldSpec[]) => {
    for (const f of fields) {
      out.push({ key: f.label });
      if (f.hint) out.push({ key: f.hint });
      if (f.kind === "select") out.push(...Object.values(f.options).map((key) => ({ key })));
      // Lists show their label as a heading too (a plural in English).
      if (f.kind === "texts" || f.kind === "rows") out.push({ key: f.label, context: "list" }, { key: f.item });
      if (f.kind === "rows") walk(f.fields);
    }
  };
  for (const form of [...Object.values(REGISTER_FORMS), PETITION_FORM]) {
    out.push({ key: form.noun });
    walk(form.fields);
  }
  return out;
}

/**
 * Strings from tables outside the client that it shows through t(): the registers' vocabulary,
 * the petition steps, the register names of GET /api/registers (the petitions register is named
 * in src/registers/plugin.ts), the report sections and the narrative sections, the residents' boards' labels,
 * the consultations' forms and choices.
 */
function tableStrings(): Use[] {
  return [
    ...[
      ...Object.values(VALUE_LABELS), ...Object.values(DVK_STATE_LABELS), ...Object.values(LEVELS),
      ...Object.values(PETITION_TYPE_LABELS), ...Object.values(PETITION_STATE_LABELS), ...Object.values(ACTION_NAMES),
      ...Object.values(SECTIONS), ...Object.values(NARRATIVE_KEYS),
      ...Object.values(BOARD_LABELS), ...Object.values(ROLE_LABELS), ...Object.values(REPRESENTS_LABELS), ...Object.values(ANSWER_STATUS_LABELS),
      ...Object.values(CONFLICT_RULES).map((r) => r.label),
      ...Object.values(CHOICE_LABELS), ...Object.values(CONSULT_FORM_LABELS), ...Object.values(MATTER_RULES).map((r) => r.label),
    ].map((key) => ({ key })),
    ...[...Object.values(REGISTERS).map((r) => r.label), "Sổ đơn thư"].map((key) => ({ key, context: "register" })),
  ];
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("the extractor finds literal keys, with escapes, and nothing else", () => {
  const src = 'x = t("Lưu"); y = tf("Đã đính kèm \\"{file}\\".", { file }); z = tl("Tất cả", "page"); set("no"); a.t("no"); t(label); tf(`no`, {});';
  assert.deepEqual(literalKeys(src), ["Lưu", 'Đã đính kèm "{file}".', "Tất cả"]);
  assert.deepEqual(literalUses(src)[2], { key: "Tất cả", context: "page" });
  // A key the dictionary lacks is reported.
  assert.deepEqual(literalKeys('t("Chuỗi chưa dịch")').filter((k) => !(k in EN)), ["Chuỗi chưa dịch"]);
});

test("every string the client passes to t(), tf() or tl() has an English entry", () => {
  const missing: string[] = [];
  let count = 0;
  for (const { file, text } of SOURCES) {
    for (const u of literalUses(text)) {
      count++;
      if (!(entry(u) in EN)) missing.push(`${file}: ${u.key}`);
    }
  }
  assert.ok(count > 300, `only ${count} translated strings found: is the extractor broken?`);
  assert.deepEqual(missing, []);
});

test("every register form label, item, hint, heading noun and option label has an English entry", () => {
  const missing = formStrings().map(entry).filter((k) => !(k in EN));
  assert.deepEqual([...new Set(missing)], []);
});

test("every label the client takes from shared tables has an English entry", () => {
  const missing = tableStrings().map(entry).filter((k) => !(k in EN));
  assert.deepEqual([...new Set(missing)], []);
});

test("no English entry is unused", () => {
  const used = new Set([...SOURCES.flatMap((s) => literalUses(s.text)), ...formStrings(), ...tableStrings()].map(entry));
  assert.deepEqual(Object.keys(EN).filter((k) => !used.has(k)), []);
});

test("templates keep their placeholders, and entries are real translations", () => {
  const bad: string[] = [];
  for (const [vi, en] of Object.entries(EN)) {
    if (placeholders(vi).join() !== placeholders(en).join()) bad.push(`${vi} → ${en}`);
    if (!en.trim()) bad.push(`${vi} → (empty)`);
    // Vietnamese letters only in the movement's own name, kept beside its English.
    if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỷỹỵ]/i.test(en.replaceAll("Dân vận khéo", ""))) bad.push(`${vi} → ${en} (Vietnamese letters)`);
  }
  assert.deepEqual(bad, []);
});

test("t and tf follow the chosen language (English loaded on first use); Vietnamese stays as written", async () => {
  assert.equal(currentLang(), "vi");
  assert.equal(t("Đăng nhập"), "Đăng nhập");
  assert.equal(tf("Đã vào sổ bản ghi #{id}.", { id: 7 }), "Đã vào sổ bản ghi #7.");
  await setLang("en");
  try {
    assert.equal(t("Đăng nhập"), "Sign in");
    assert.equal(tf("Đã vào sổ bản ghi #{id}.", { id: 7 }), "Record #7 entered in the register.");
    assert.equal(t("Một chuỗi không có trong từ điển"), "Một chuỗi không có trong từ điển");
    // Client-side form checks speak English too.
    const { errors } = toInput(REGISTER_FORMS.mediation_case!.fields, {});
    assert.equal(errors.mediators, "Enter at least 1 mediator.");
    assert.equal(t("Đơn vị"), "Unit");
    assert.equal(t("Đơn vị", "page"), "Units");
    assert.equal(t("Tổng quan", "page"), "Dashboard");
    assert.equal(errors.parties, "Must not be empty.");
  } finally {
    await setLang("vi");
  }
  assert.equal(t("Đăng nhập"), "Đăng nhập");
});
