/** PURE: the portal's pages from the public data (pages.ts gives the frame and helpers). */
import type { UnitNode } from "../core/hierarchy.ts";
import { FORM_RULES, minimumEnds, NOTICE_CATEGORIES } from "./notice-rules.ts";
import type { Notice } from "./notice.service.ts";
import type { Consultation } from "./consultation.service.ts";
import type { CommuneDecision } from "./commune-decision.service.ts";
import type { PublicNews, PublicResults } from "./public.service.ts";
import type { PublicStatus } from "./feedback.service.ts";
import { CHOICE_LABELS, CHOICES } from "./vote-rules.ts";
import { antiSpam, day, esc, href, layout, value, type Crumb, type Size } from "./pages.ts";

export const unitPath = (u: Pick<UnitNode, "code">) => `/cong-khai/${u.code}`;

/** A unit's name inside a sentence ("đến phường Quy Nhơn"). */
const inSentence = (name: string) => name.replace(/^(Phường|Xã|Đặc khu|Tỉnh|Thành phố)\b/u, (m) => m.toLowerCase());

export interface UnitPageData {
  unit: UnitNode;
  parent: UnitNode | null;
  children: UnitNode[];
  results: PublicResults | null;
  news: PublicNews[];
  notices: Notice[];
  consultations: Consultation[];
  /** Commune-wide decisions (Điều 21 khoản 1: two thirds of the villages). */
  communeDecisions?: CommuneDecision[];
  /** Sections other features add (src/portal/public-sections.ts), already escaped HTML. */
  extra?: string[];
}

function crumbsOf(unit: UnitNode, parent: UnitNode | null): Crumb[] {
  const out: Crumb[] = [{ label: "Cổng công khai", path: "/cong-khai" }];
  if (parent && parent.level === "province") out.push({ label: parent.fullName, path: unitPath(parent) });
  out.push({ label: unit.fullName, path: unitPath(unit) });
  return out;
}

export function indexPage(provinces: UnitNode[], size: Size): string {
  const list = provinces.map((p) => `<li><a href="${esc(href(unitPath(p), size))}">${esc(p.fullName)}</a></li>`).join("");
  return layout("Cổng thông tin công khai", `<p>Chọn tỉnh, thành phố; sau đó chọn xã, phường để xem kết quả công tác, tin bài, thông báo công khai và các cuộc lấy ý kiến.</p><ul class="units">${list}</ul>`
    + `<h2>Tra cứu phản ánh, kiến nghị</h2>${trackForm(size)}`, { size, path: "/cong-khai" });
}

function trackForm(size: Size): string {
  return `<form method="get" action="/cong-khai/tra-cuu"><label for="ma">Mã theo dõi</label><input type="text" id="ma" name="ma" required maxlength="20" placeholder="PA-XXXXX-XXXXX">${size > 1 ? `<input type="hidden" name="co" value="${size}">` : ""}<p><button type="submit">Tra cứu</button></p></form>`;
}

export function unitPage(d: UnitPageData, size: Size): string {
  const base = unitPath(d.unit);
  const parts: string[] = [];
  if (d.children.length) parts.push(`<h2>Xã, phường, đặc khu</h2><ul class="units">${d.children.map((c) => `<li><a href="${esc(href(unitPath(c), size))}">${esc(c.fullName)}</a></li>`).join("")}</ul>`);
  parts.push(`<h2>Kết quả công tác dân vận, thực hiện dân chủ ở cơ sở</h2>`);
  if (d.results) {
    parts.push(`<p>Kỳ: <strong>${esc(d.results.periodLabel)}</strong>. Cơ sở số liệu: <strong>${esc(d.results.basisLabel)}</strong>.</p><table><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số liệu</th></tr></thead><tbody>`
      + d.results.rows.map((r) => `<tr><td>${esc(r.label)}</td><td class="n">${esc(value(r.value, r.unit))}</td></tr>`).join("") + `</tbody></table>`);
  } else parts.push(`<p class="note">Chưa có báo cáo được phê duyệt trong bốn quý gần nhất.</p>`);
  parts.push(`<h2>Tin bài</h2>`);
  parts.push(d.news.length ? `<ul>${d.news.map((n) => `<li><a href="${esc(href(`${base}/tin/${n.id}`, size))}">${esc(n.title)}</a> <span class="note">(${esc(day(n.publishedOn))})</span></li>`).join("")}</ul>` : `<p class="note">Chưa có tin bài.</p>`);
  parts.push(`<h2>Thông báo công khai</h2>`);
  parts.push(d.notices.length ? `<ul>${d.notices.map((n) => `<li><a href="${esc(href(`${base}/thong-bao/${n.id}`, size))}">${esc(n.title)}</a><br><span class="note">${esc(NOTICE_CATEGORIES[n.category].label)} · ${esc(FORM_RULES[n.form].label)} từ ${esc(day(n.postedOn))}${n.minDays ? `, ít nhất đến ${esc(day(minimumEnds(n)))}` : ""}${n.revisedOn ? ` · cập nhật ngày ${esc(day(n.revisedOn))}` : ""}</span></li>`).join("")}</ul>` : `<p class="note">Chưa có thông báo đang công khai.</p>`);
  parts.push(`<h2>Lấy ý kiến, Nhân dân bàn và quyết định</h2>`);
  parts.push(d.consultations.length ? `<ul>${d.consultations.map((c) => `<li><a href="${esc(href(`${base}/lay-y-kien/${c.id}`, size))}">${esc(c.question)}</a><br><span class="note">${esc(c.community)} · ${c.state === "open" ? `đang lấy ý kiến đến hết ${esc(day(c.closesOn))}` : c.result?.passed ? "đã kết thúc: được thông qua" : "đã kết thúc: không được thông qua"}</span></li>`).join("")}</ul>` : `<p class="note">Không có cuộc lấy ý kiến nào.</p>`);
  if (d.communeDecisions?.length) {
    parts.push(`<h2>Nhân dân toàn xã, phường bàn và quyết định</h2><ul>${d.communeDecisions.map((c) => `<li><a href="${esc(href(`${base}/quyet-dinh-toan-xa/${c.id}`, size))}">${esc(c.question)}</a><br><span class="note">${communeStatus(c)}</span></li>`).join("")}</ul>`);
  }
  parts.push(...(d.extra ?? []));
  if (d.unit.level === "commune") parts.push(`<h2>Phản ánh, kiến nghị</h2><p><a href="${esc(href(`${base}/phan-anh`, size))}">Gửi phản ánh, kiến nghị đến ${esc(inSentence(d.unit.fullName))}</a></p>`);
  parts.push(`<h2>Tra cứu phản ánh, kiến nghị</h2>${trackForm(size)}`);
  return layout(d.unit.fullName, parts.join(""), { size, path: base, crumbs: crumbsOf(d.unit, d.parent).slice(0, -1), subtitle: d.parent ? d.parent.fullName : undefined });
}

export function noticePage(unit: UnitNode, parent: UnitNode | null, n: Notice, size: Size): string {
  const body = (n.revisedOn ? `<p class="note" id="revised"><strong>Cập nhật ngày ${esc(day(n.revisedOn))}.</strong></p>` : "")
    + `<p class="note">${esc(NOTICE_CATEGORIES[n.category].label)} (${esc(NOTICE_CATEGORIES[n.category].basis)})</p>`
    + `<div class="box">${esc(n.body).replace(/\n/g, "<br>")}</div><table><tbody>`
    + `<tr><th scope="row">Hình thức</th><td>${esc(FORM_RULES[n.form].label)}</td></tr>${n.community ? `<tr><th scope="row">Nơi công khai</th><td>${esc(n.community)}</td></tr>` : ""}`
    + `<tr><th scope="row">Ngày công khai</th><td>${esc(day(n.postedOn))}</td></tr>`
    + (n.minDays ? `<tr><th scope="row">Thời hạn tối thiểu</th><td>${n.minDays} ngày, đến hết ${esc(day(minimumEnds(n)))} (${esc(FORM_RULES[n.form].basis)})</td></tr>` : "")
    + `<tr><th scope="row">Cơ quan công khai</th><td>${esc(n.publishedBy)}</td></tr></tbody></table>`;
  return layout(n.title, body, { size, path: `${unitPath(unit)}/thong-bao/${n.id}`, crumbs: crumbsOf(unit, parent) });
}

export function newsPage(unit: UnitNode, parent: UnitNode | null, n: PublicNews, size: Size): string {
  const body = `<p class="note">Đăng ngày ${esc(day(n.publishedOn))}; số liệu trong báo cáo đã được phê duyệt.</p>${n.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}`;
  return layout(n.title, body, { size, path: `${unitPath(unit)}/tin/${n.id}`, crumbs: crumbsOf(unit, parent) });
}

export function consultationPage(unit: UnitNode, parent: UnitNode | null, c: Consultation, o: { size: Size; token: string; today: string; message?: string }): string {
  const path = `${unitPath(unit)}/lay-y-kien/${c.id}`;
  const parts = [`<p><strong>${esc(c.community)}</strong>, ${esc(unit.fullName)} · ${c.kind === "decide" ? "Nhân dân bàn và quyết định" : "Lấy ý kiến Nhân dân"}${c.matterLabel ? ` · ${esc(c.matterLabel)}` : ""} · ${esc(c.formLabel)}</p>`,
    `<p>Thời gian: từ ${esc(day(c.opensOn))} đến hết ${esc(day(c.closesOn))}. Số hộ gia đình trong cộng đồng: ${c.households}.</p>`,
    `<h2>Tài liệu</h2><div class="box">${esc(c.documents).replace(/\n/g, "<br>")}</div>`];
  if (o.message) parts.push(`<div class="box ok" role="status"><p>${esc(o.message)}</p></div>`);
  if (c.state === "closed" && c.result) {
    const r = c.result;
    parts.push(`<h2>Kết quả</h2><div class="box ${r.passed ? "ok" : "no"}"><p><strong>${r.passed ? "ĐƯỢC THÔNG QUA" : "KHÔNG ĐƯỢC THÔNG QUA"}</strong></p>`
      + `<table><tbody><tr><th scope="row">Tán thành</th><td class="n" data-count="yes">${r.yes}</td></tr><tr><th scope="row">Không tán thành</th><td class="n" data-count="no">${r.no}</td></tr>`
      + `<tr><th scope="row">Ý kiến khác</th><td class="n" data-count="abstain">${r.abstain}</td></tr><tr><th scope="row">Hộ đã biểu quyết (trực tuyến / phiếu giấy)</th><td class="n">${r.voted} (${r.online} / ${r.paper})</td></tr>`
      + `<tr><th scope="row">Tổng số hộ gia đình</th><td class="n">${r.households}</td></tr>${r.attending !== null ? `<tr><th scope="row">Hộ tham dự hội nghị</th><td class="n">${r.attending}</td></tr>` : ""}</tbody></table>`
      + `<p>${esc(r.summary)}</p></div>`);
  } else if (c.state === "open" && o.today <= c.closesOn && o.today >= c.opensOn) {
    parts.push(`<h2>Biểu quyết của hộ gia đình</h2><p class="note">Mỗi hộ một phiếu, dùng mã in trên phiếu do thôn, tổ dân phố phát. Có thể đổi ý kiến đến khi kết thúc; kết quả chỉ công bố sau khi kết thúc.</p>`
      + `<form method="post" action="${esc(path)}">${antiSpam(o.token)}<input type="hidden" name="co" value="${o.size}"><label for="code">Mã hộ gia đình</label><input type="text" id="code" name="code" required maxlength="12" autocomplete="off" placeholder="ABCD-EFGH">`
      + `<fieldset><legend>Ý kiến của hộ</legend>${CHOICES.map((k) => `<label><input type="radio" name="choice" value="${k}" required> ${CHOICE_LABELS[k]}</label>`).join("")}</fieldset><p><button type="submit">Gửi ý kiến</button></p></form>`);
  } else parts.push(`<p class="note">Đang tổng hợp kết quả.</p>`);
  return layout(c.question, parts.join(""), { size: o.size, path, crumbs: crumbsOf(unit, parent) });
}

/** A commune decision's state in a line: villages decided so far, or the result with its counts. */
function communeStatus(c: CommuneDecision): string {
  if (c.state === "open" || !c.result) return `đang biểu quyết ở các thôn, tổ dân phố: ${c.decisions.filter((x) => x.state === "closed").length}/${c.villages} đã kết thúc`;
  return `đã kết thúc: ${c.result.passed ? "được thông qua" : "không được thông qua"} (${c.result.approving}/${c.result.villages} thôn, tổ dân phố tán thành)`;
}

/** A commune-wide decision: each village's decision (linked, with its result) and, once closed, the commune's count (Điều 21 khoản 1). */
export function communeDecisionPage(unit: UnitNode, parent: UnitNode | null, c: CommuneDecision, size: Size): string {
  const base = unitPath(unit);
  const parts = [`<p><strong>${esc(unit.fullName)}</strong> · Nhân dân toàn xã, phường bàn và quyết định · ${esc(c.matterLabel)}</p>`,
    `<p>Từ ngày ${esc(day(c.opensOn))}. Số thôn, tổ dân phố của ${esc(inSentence(unit.fullName))}: ${c.villages}. Được thông qua khi từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành.</p>`,
    `<h2>Tài liệu</h2><div class="box">${esc(c.documents).replace(/\n/g, "<br>")}</div>`];
  if (c.state === "closed" && c.result) {
    const r = c.result;
    parts.push(`<h2>Kết quả</h2><div class="box ${r.passed ? "ok" : "no"}"><p><strong>${r.passed ? "ĐƯỢC THÔNG QUA" : "KHÔNG ĐƯỢC THÔNG QUA"}</strong></p>`
      + `<table><tbody><tr><th scope="row">Thôn, tổ dân phố tán thành</th><td class="n" data-count="villages-yes">${r.approving}</td></tr><tr><th scope="row">Thôn, tổ dân phố đã biểu quyết</th><td class="n">${r.decided}</td></tr>`
      + `<tr><th scope="row">Tổng số thôn, tổ dân phố</th><td class="n" data-count="villages">${r.villages}</td></tr></tbody></table><p>${esc(r.summary)}</p></div>`);
  } else parts.push(`<p class="note">Đang biểu quyết ở các thôn, tổ dân phố; kết quả chung công bố khi tất cả đã kết thúc.</p>`);
  const replaced = new Set(c.decisions.map((x) => x.followsId));
  parts.push(`<h2>Từng thôn, tổ dân phố</h2>`, c.decisions.length ? `<table><thead><tr><th scope="col">Thôn, tổ dân phố</th><th scope="col">Kết quả</th></tr></thead><tbody>${c.decisions.filter((x) => !replaced.has(x.id)).map((x) => `<tr><td><a href="${esc(href(`${base}/lay-y-kien/${x.id}`, size))}">${esc(x.community)}</a></td>`
    + `<td>${x.state === "open" ? "đang biểu quyết" : x.passed ? `tán thành (${x.yes}/${x.households} hộ)` : `không tán thành (${x.yes ?? 0}/${x.households} hộ)`}</td></tr>`).join("")}</tbody></table>` : `<p class="note">Chưa có thôn, tổ dân phố nào biểu quyết.</p>`);
  return layout(c.question, parts.join(""), { size, path: `${base}/quyet-dinh-toan-xa/${c.id}`, crumbs: crumbsOf(unit, parent) });
}

export function feedbackPage(unit: UnitNode, parent: UnitNode | null, o: { size: Size; token: string }): string {
  const path = `${unitPath(unit)}/phan-anh`;
  const body = `<p>Phản ánh, kiến nghị được vào sổ đơn thư của ${esc(inSentence(unit.fullName))} và xử lý theo quy định. Bạn nhận một mã theo dõi để xem tình trạng và câu trả lời. `
    + `Họ tên, số điện thoại, địa chỉ chỉ cán bộ xử lý được xem, không bao giờ công khai.</p>`
    + `<form method="post" action="${esc(path)}">${antiSpam(o.token)}<input type="hidden" name="co" value="${o.size}">`
    + `<label for="kind">Loại</label><select id="kind" name="kind"><option value="phan_anh">Phản ánh</option><option value="kien_nghi">Kiến nghị</option></select>`
    + `<label for="topic">Tiêu đề (được hiển thị công khai khi tra cứu: không ghi họ tên, số điện thoại)</label><input type="text" id="topic" name="topic" required maxlength="160">`
    + `<label for="content">Nội dung</label><textarea id="content" name="content" required maxlength="5000" rows="6"></textarea>`
    + `<label for="name">Họ và tên</label><input type="text" id="name" name="name" required maxlength="120" autocomplete="name">`
    + `<label for="phone">Số điện thoại (không bắt buộc)</label><input type="text" id="phone" name="phone" maxlength="30" autocomplete="tel" inputmode="tel">`
    + `<label for="address">Địa chỉ liên hệ của bạn (không bắt buộc)</label><input type="text" id="address" name="address" maxlength="300" autocomplete="street-address">`
    + `<fieldset><legend>Nơi xảy ra (không bắt buộc; chỉ cán bộ xử lý được xem)</legend>`
    + `<label for="place">Địa chỉ hoặc mốc dễ nhận biết</label><input type="text" id="place" name="place" maxlength="200" placeholder="Trước cổng Trường Tiểu học số 1, đường Lê Lợi">`
    // The button appears only where the browser can give a location (LOCATE_SCRIPT); without JavaScript the two fields are typed.
    + `<p><button type="button" id="locate" class="secondary" hidden>Dùng vị trí của tôi</button></p><p id="locate-status" class="note" role="status"></p>`
    + `<label for="lat">Vĩ độ</label><input type="text" id="lat" name="lat" inputmode="decimal" maxlength="12" placeholder="13.7765"><label for="lon">Kinh độ</label><input type="text" id="lon" name="lon" inputmode="decimal" maxlength="12" placeholder="109.2237"></fieldset>`
    + `<p><button type="submit">Gửi</button></p></form><script src="${LOCATE_SCRIPT_PATH}" defer></script>`;
  return layout(`Gửi phản ánh, kiến nghị`, body, { size: o.size, path, crumbs: crumbsOf(unit, parent) });
}

/** The feedback form's one script, served by us (no third party): fills the coordinates from the browser's location when asked. */
export const LOCATE_SCRIPT_PATH = "/cong-khai/vi-tri.js";
export const LOCATE_SCRIPT = `"use strict";
(function () {
  var button = document.getElementById("locate"), status = document.getElementById("locate-status");
  if (!button || !status || !window.isSecureContext || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "Đang lấy vị trí…";
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById("lat").value = p.coords.latitude.toFixed(5);
      document.getElementById("lon").value = p.coords.longitude.toFixed(5);
      status.textContent = "Đã điền vị trí (sai số khoảng " + Math.round(p.coords.accuracy) + " m). Kiểm tra lại trước khi gửi.";
    }, function (e) {
      status.textContent = (e.code === 1 ? "Bạn chưa cho phép dùng vị trí." : "Không lấy được vị trí.") + " Có thể nhập vĩ độ, kinh độ bằng tay hoặc bỏ trống.";
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
`;

export function feedbackDone(unit: UnitNode, code: string, size: Size): string {
  const body = `<div class="box ok" role="status"><p>Đã nhận phản ánh, kiến nghị của bạn. Mã theo dõi:</p><p style="font-size:1.6em"><strong id="tracking-code">${esc(code)}</strong></p>`
    + `<p>Hãy ghi lại mã này: mã chỉ hiện một lần. Dùng mã để <a href="${esc(href(`/cong-khai/tra-cuu/${code}`, size))}">tra cứu tình trạng và câu trả lời</a>.</p></div>`;
  return layout("Đã gửi phản ánh, kiến nghị", body, { size, path: `${unitPath(unit)}/phan-anh`, crumbs: [{ label: unit.fullName, path: unitPath(unit) }] });
}

export function trackPage(code: string, s: PublicStatus, size: Size): string {
  const body = `<table><tbody><tr><th scope="row">Mã theo dõi</th><td>${esc(code)}</td></tr><tr><th scope="row">Loại</th><td>${esc(s.kind)}</td></tr>`
    + `<tr><th scope="row">Tiêu đề</th><td>${esc(s.topic)}</td></tr><tr><th scope="row">Ngày tiếp nhận</th><td>${esc(day(s.receivedOn))}</td></tr>`
    + `<tr><th scope="row">Tình trạng</th><td id="status">${esc(s.status)}</td></tr></tbody></table>`
    + (s.answer ? `<h2>Câu trả lời${s.answeredOn ? ` (${esc(day(s.answeredOn))})` : ""}</h2><div class="box ok" id="answer">${esc(s.answer).replace(/\n/g, "<br>")}</div>` : `<p class="note">Chưa có câu trả lời.</p>`);
  return layout("Tra cứu phản ánh, kiến nghị", body, { size, path: `/cong-khai/tra-cuu/${code}`, crumbs: [{ label: "Cổng công khai", path: "/cong-khai" }] });
}
