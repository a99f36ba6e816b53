import { test } from "node:test";
import assert from "node:assert/strict";
import { REGISTERS, type RegisterKey } from "../../registers/records.ts";
import { emptyValues, PETITION_FORM, petitionInput, REGISTER_FORMS, serverFieldErrors, toInput, valuesOf, type FieldSpec, type FormValues } from "./register-forms.ts";

const TODAY = "2026-11-20";

/** What a user fills in: every required text, one entry in lists that need one, one row of each row list. */
function filled(fields: readonly FieldSpec[]): FormValues {
  const v = emptyValues(fields, TODAY);
  for (const f of fields) {
    if ((f.kind === "text" || f.kind === "textarea") && f.required) v[f.name] = `  ${f.label} đã điền  `;
    if (f.kind === "texts") v[f.name] = ["Bà Nguyễn Thị Hoa"];
    if (f.kind === "rows") v[f.name] = [filled(f.fields)];
    if (f.kind === "count") v[f.name] = "12";
  }
  return v;
}

test("every register has a form and every form's input is accepted by the server's schema", () => {
  assert.deepEqual(Object.keys(REGISTER_FORMS).sort(), Object.keys(REGISTERS).sort());
  for (const [key, form] of Object.entries(REGISTER_FORMS)) {
    const { input, errors } = toInput(form.fields, filled(form.fields));
    assert.deepEqual(errors, {}, key);
    const parsed = REGISTERS[key as RegisterKey].schema.safeParse({ ...input, unitId: 7 });
    assert.ok(parsed.success, `${key}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues)}`);
    // Every option of every select is one the server knows.
    for (const f of form.fields) {
      if (f.kind !== "select") continue;
      for (const opt of Object.keys(f.options)) {
        const r = REGISTERS[key as RegisterKey].schema.safeParse({ ...input, unitId: 7, [f.name]: opt });
        assert.ok(r.success, `${key}.${f.name}=${opt}`);
      }
    }
  }
});

test("a stored record opens in its form and saves back unchanged", () => {
  for (const [key, form] of Object.entries(REGISTER_FORMS)) {
    const first = toInput(form.fields, filled(form.fields)).input;
    const again = toInput(form.fields, valuesOf(form.fields, first, TODAY)).input;
    assert.deepEqual(again, first, key);
  }
});

test("the form says which field is empty or not a whole number, by its path, before anything is sent", () => {
  const form = REGISTER_FORMS.reception!;
  const v = filled(form.fields);
  v.leaderName = "   ";
  v.turns = "3,5";
  v.people = "mười";
  (v.matters as FormValues[])[0]!.content = "";
  const { errors } = toInput(form.fields, v);
  assert.equal(errors.leaderName, "Không được để trống.");
  assert.match(errors.turns!, /số nguyên không âm/);
  assert.match(errors.people!, /không phải là số/);
  assert.equal(errors["matters.0.content"], "Không được để trống.");
  assert.equal(Object.keys(errors).length, 4);
});

test("numbers are read as Vietnamese users type them; empty optional counts stay empty", () => {
  const form = REGISTER_FORMS.oversight!;
  const v = filled(form.fields);
  v.participants = "1.250";
  v.villagesReached = "";
  const { input, errors } = toInput(form.fields, v);
  assert.deepEqual(errors, {});
  assert.equal(input.participants, 1250);
  assert.equal(input.villagesReached, null);
});

test("a mediation case needs at least one mediator", () => {
  const form = REGISTER_FORMS.mediation_case!;
  const v = filled(form.fields);
  v.mediators = ["  "];
  assert.equal(toInput(form.fields, v).errors.mediators, "Cần ít nhất 1 hòa giải viên.");
});

test("server validation details become field errors", () => {
  assert.deepEqual(serverFieldErrors([{ path: "members.1.name", message: "Không được để trống" }]), { "members.1.name": "Không được để trống" });
  assert.equal(serverFieldErrors({ unitId: 3 }), null);
  assert.equal(serverFieldErrors([]), null);
});

test("the petition form checks what the server's schema checks, with its limits, in Vietnamese at each field", async () => {
  const { PetitionInputSchema } = await import("../../registers/petition.service.ts");
  const { PETITION_LIMITS, PHONE_MESSAGE } = await import("../../registers/petition-rules.ts");
  const ok = { ...emptyValues(PETITION_FORM.fields, TODAY), petitioner: "Bà Nguyễn Thị Hoa", content: "Đường liên thôn xuống cấp" };
  const good = petitionInput(ok, TODAY);
  assert.deepEqual(good.errors, {});
  assert.ok(PetitionInputSchema.safeParse({ ...good.input, unitId: 7 }).success);
  // Every limit: at the limit accepted by both, one over refused by both, the form's message at its field.
  for (const [name, max] of Object.entries(PETITION_LIMITS)) {
    const at = name === "phone" ? "0".repeat(max) : "x".repeat(max);
    const atInput = petitionInput({ ...ok, [name]: at }, TODAY);
    assert.deepEqual(atInput.errors, {}, name);
    assert.ok(PetitionInputSchema.safeParse({ ...atInput.input, unitId: 7 }).success, name);
    const over = petitionInput({ ...ok, [name]: at + "0" }, TODAY);
    assert.match(over.errors[name] ?? "", new RegExp(`^Dài quá: ${(max + 1).toLocaleString("vi-VN").replace(".", "\\.")}/${max.toLocaleString("vi-VN").replace(".", "\\.")} ký tự, cần bớt 1 ký tự\\.$`), name);
    const server = PetitionInputSchema.safeParse({ ...good.input, [name]: at + "0", unitId: 7 });
    assert.ok(!server.success, name);
    assert.equal(server.error.issues[0]!.path.join("."), name);
    assert.match(server.error.issues[0]!.message, /^Dài quá: tối đa [\d.]+ ký tự/, name);
  }
  assert.equal(PETITION_LIMITS.content, 10000);
  // Required, phone shape, no day after today; everything named by field.
  const bad = petitionInput({ ...ok, petitioner: "  ", content: "", phone: "gọi tôi", receivedOn: "2026-11-21" }, TODAY);
  assert.deepEqual(bad.errors, { petitioner: "Không được để trống.", content: "Không được để trống.", phone: PHONE_MESSAGE, receivedOn: "Ngày tiếp nhận không thể sau ngày hôm nay." });
  const serverPhone = PetitionInputSchema.safeParse({ ...good.input, phone: "gọi tôi", unitId: 7 });
  assert.equal(serverPhone.error?.issues[0]?.message, PHONE_MESSAGE);
});
