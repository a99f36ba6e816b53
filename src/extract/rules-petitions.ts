/**
 * Pure: the catalog indicator of a count of petitions ("đơn"): received, resolved, mediation's, or none when
 * the count is a part of them (sent on, eligible, left over…). Called from rules.ts.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { subsetBreakdown } from "./rule-passages.ts";

/** The indicator of a count of petitions, or null when its context does not clearly say. */
export function petitionsFor(f: RuleInput): string | null {
  const { seg, before, tail } = f;
  const right = ownRight(f);
  const near = seg + " " + right;
  // Petitions sent to mediation are mediation cases; "thành 35 đơn" after them are the successful ones.
  // "Hòa giải ở cơ sở: tiếp nhận 40 đơn": petitions received under a mediation label (not a petition desk's).
  const label = (f.statement ?? "").slice(0, Math.max(0, (f.statement ?? "").lastIndexOf(":")));
  const mediationLabel = R.hoaGiai.test(label) && !R.petitionDesk.test(label) && !R.resolvedLeft.test(seg);
  // "Tiếp nhận 25 đơn yêu cầu hòa giải": petitions that ask for mediation.
  // "chuyển hòa giải 40 đơn; thành 35 đơn": the outcome bare, the mediation said earlier in the statement (across ";").
  if (R.hoaGiai.test(seg) || R.hoaGiai.test(right) || (R.hoaGiai.test(f.statement ?? before) && R.settledBare.test(seg)) || mediationLabel) {
    if (R.notSettled.test(near)) return null;
    return R.hoaGiaiThanh.test(seg) || R.settledBare.test(seg) || R.hoaGiaiThanhRight.test(right) ? "mediation.successful" : "mediation.cases";
  }
  // "hòa giải thành 25 đơn; không thành 5 đơn": what a mediation did not settle; also an item so labelled
  // under a heading ("- Không thành: 5 đơn"), and petitions left unresolved ("Chưa giải quyết: 3 đơn").
  if ((R.hoaGiai.test(f.statement ?? before) || /:\s*$/.test(seg)) && R.notSettled.test(seg)) return null;
  if (R.petitionSubset.test(near) || R.outcome.test(right)) return null;
  // "có 7 đơn chưa được giải quyết, 12 đơn giải quyết lần đầu": petitions by where their resolution stands, said after them.
  if (STANDING_AFTER.test(tail)) return null;
  // "đã chuyển 41 đơn đến cơ quan có thẩm quyền": petitions sent on to another body, neither received nor resolved here.
  // "hướng dẫn 15 đơn; lưu 10 đơn": petitions filed away, a part of those handled.
  if (SENT_ON.test(seg) || SENT_TO.test(seg) || SENT_TO_RESOLVE.test(before.slice(-90)) || FILED.test(seg)) return null;
  // "thụ lý giải quyết 25 đơn": petitions taken up for resolution, not yet resolved ("giải quyết 20/25 đơn thụ lý" is).
  if (TAKEN_UP.test(seg) && !f.pair) return null;
  // "đã giải quyết 04 đơn, trong đó đúng hạn 01 đơn, quá hạn 03 đơn": the resolved ones by timeliness.
  if (R.timeliness.test(seg) && rx("trong đó").test(before)) return null;
  // "có 95 đơn (80 khiếu nại, 15 tố cáo) thuộc thẩm quyền giải quyết": the competence named after its breakdown.
  if (R.competentAfterAside.test(tail) && !R.resolvedDone.test(near)) return null;
  // "Số đơn thuộc thẩm quyền giải quyết là 376 đơn": the competence, not what was resolved.
  if (R.competenceOnly.test(near) && !R.resolvedDone.test(near)) return null;
  // "đã giải quyết, trả lời 25 đơn": verbs listed with a comma between, the first one resolving.
  // "Hội đã giải quyết 64 đơn và giải quyết xong 51 đơn": those taken up, then those finished; only the second are resolved.
  if (takenUpThenDone(f)) return null;
  if (R.resolvedRight.test(right) || resolvedInOwnClause(seg) || RESOLVED_VERB_LIST.test(before)) return "petitions.resolved";
  // "tiếp nhận và giải quyết 45/52 đơn": the part resolved of the whole received.
  if (f.pair && R.resolvedLeft.test(seg)) return "petitions.resolved";
  if (resolvedAfterNoun(f)) return "petitions.resolved";
  // "134 đơn thuộc thẩm quyền", "Số đơn thuộc thẩm quyền 156 đơn": the eligible subset of what was received.
  // "tiếp nhận và xử lý 206/206 đơn": the part is what was handled (not resolved, not received: that is the whole).
  if (f.pair && rx("(tiếp nhận|nhận được)\\s+và\\s+[\\p{L}\\p{M}]").test(seg)) return null;
  // "tiếp nhận 500 đơn; đã xử lý 480 đơn", "…; qua phân loại có 40 đơn khiếu nại, 12 đơn tố cáo": those processed
  // or sorted after a count of those received are a part of them.
  const stated = f.statement ?? before;
  if (!R.receivedLeft.test(seg) && ((R.processed.test(seg) && R.receivedCountBefore.test(stated.slice(0, stated.length - seg.length)))
    || R.classified.test(stated.slice(stated.lastIndexOf(";") + 1)))) return null;
  if (R.competent.test(near)) return null;
  // "Đã giải quyết 45 đơn, gồm 12 đơn khiếu nại, 3 đơn tố cáo": the kinds of those resolved (also when those were
  // "thuộc thẩm quyền"). "đã giải quyết xong 28/30 đơn khiếu nại, đạt 93,3%; 15/15 đơn tố cáo": the next item, its verb left out.
  if (resolvedItem(f, right)) return "petitions.resolved";
  return subsetBreakdown(f) ? null : "petitions.received";
}

/**
 * The noun phrase after the count that is its own: "tiếp nhận 30 đơn và kỳ trước chuyển sang 4 đơn", "hòa giải
 * 26 vụ và hòa giải thành 21 vụ": the words after "và" up to the next count are that count's.
 */
export function ownRight(f: RuleInput): string {
  return NEXT_COUNT_AFTER_AND.test(f.tail) ? f.right.split(AND)[0]! : f.right;
}

/**
 * The resolving verb before the count in its own clause, none receiving: the words since the last count before it, so
 * that "tiếp nhận 58 đơn thư và giải quyết xong 49 đơn" resolves the 49.
 */
export function resolvedInOwnClause(seg: string): boolean {
  const own = seg.replace(AFTER_LAST_COUNT, "");
  return R.resolvedLeft.test(own) && !R.receivedLeft.test(own);
}

/**
 * A count under the bare verb of resolving, then in the next clause a count finished ("giải quyết 64 vụ …
 * và giải quyết xong 51 vụ", "giải quyết 45 đơn, đã giải quyết dứt điểm 38 đơn"): the first were taken up.
 */
export function takenUpThenDone(f: RuleInput): boolean {
  return BARE_RESOLVING.test(f.seg) && !f.pair && DONE_NEXT.test(f.tail.slice(0, 80));
}
/** Everything up to the end of the last number: what stays is the count's own words. */
const AFTER_LAST_COUNT = /^.*\d[\d.,/]*/su;
/** The bare verb of resolving right before the count: "giải quyết ", "phối hợp giải quyết ", not "giải quyết xong". */
const BARE_RESOLVING = rx("\\bgiải quyết\\s*$");
/** The next clause's count finished: "… và giải quyết xong 51", ", đã giải quyết dứt điểm 38". */
const DONE_NEXT = rx("^[^\\d;.]{0,60}\\bgiải quyết (xong|dứt điểm)\\s*(được\\s*)?\\d");

/**
 * The resolving verb after the count's noun list, before any other number or the clause's end, none received before
 * the count: "320 đơn kiến nghị, phản ánh, đã được giải quyết", "64/95 vụ việc qua tiếp công dân đã được giải quyết".
 */
export function resolvedAfterNoun(f: RuleInput): boolean {
  if (R.receivedLeft.test(f.seg)) return false;
  const tail = f.tail.slice(0, 60);
  const end = tail.search(/[\d;.:]/u);
  const clause = end < 0 ? tail : tail.slice(0, end);
  const verb = R.resolvedRight.exec(clause);
  if (!verb || NOT_YET.test(clause)) return false;
  // "96 đơn thuộc thẩm quyền, đã giải quyết 90/96 đơn": a verb right before another count is that count's.
  return !(end >= 0 && /\d/.test(tail[end]!) && !/[,(]/.test(clause.slice(verb.index + verb[0].length)));
}
/** Not resolved: "chưa được giải quyết", "không được giải quyết". */
const NOT_YET = rx("\\b(chưa|không) (được )?giải quyết");

/** A kind of petitions counted in the breakdown of those resolved, or as the next item after them (";"). */
export function resolvedItem(f: RuleInput, right: string): boolean {
  const stated = f.statement ?? f.before;
  const kindNamed = PETITION_KIND.test(right) || PETITION_KIND.test(f.seg);
  if (R.receivedLeft.test(f.seg) || !kindNamed) return false;
  // "đã giải quyết 27 đơn khiếu nại và 9 đơn tố cáo": a second kind joined by "và" to a kind resolved, its verb left out.
  if (PETITION_KIND.test(right) && RESOLVED_AND_KIND.test(f.seg)) return true;
  return RESOLVED_BREAKDOWN.test(f.before) || (KIND_ONLY.test(f.seg) && RESOLVED_BEFORE_ITEM.test(stated.slice(0, stated.length - f.seg.length)));
}
/** A count of one kind resolved, then "và" right before the count: "giải quyết xong 27 đơn khiếu nại và ". */
const RESOLVED_AND_KIND = rx("giải quyết( xong| được| dứt điểm)?\\s*\\d[\\d.]*\\s*(đơn|vụ)( thư| việc)?(\\s*(khiếu nại|tố cáo|kiến nghị|phản ánh|phản ảnh)\\s*,?)+\\s*và\\s*$");

/** A petition's count right after the verb sending it on: "đã chuyển 41", "chuyển tiếp 5", "chuyển trả lại 3". */
const SENT_ON = rx("\\bchuyển( tiếp| trả)?( lại)?\\s*$");
/** Sent on to a body named right after the verb: "chuyển cấp trên 2 đơn", "đã chuyển UBND xã giải quyết 3 đơn". */
const SENT_TO = rx("\\bchuyển(?! (biến|đổi|động|mình|hướng|giao))( đến| cho| sang| lên| về| tới)?\\s+((?!tiếp nhận|\\bnhận\\b|giải quyết|xử lý|hoà giải)[^\\d;.,]){2,40}$");
/** … or to resolve them, what they do said after the body: "chuyển đến cơ quan chức năng xem xét, giải quyết 5 đơn". */
const SENT_TO_RESOLVE = rx("\\bchuyển(?! (biến|đổi|động|mình|hướng|giao))( đến| cho| sang| lên| về| tới)?\\s+[^\\d;.]{2,50}?\\s(để\\s+)?(xem xét,?\\s*)?(giải quyết|xử lý)\\s*$");
/** "và" opening another count's clause before any comma: "… thuộc thẩm quyền giải quyết và đã giải quyết xong 90". */
const NEXT_COUNT_AFTER_AND = rx("^[^,;\\d]*?\\svà\\s[^,;\\d]*\\d");
const AND = rx("\\svà\\s");
/** Resolving then answering, listed before the count: "giải quyết, trả lời ", "giải quyết, xử lý xong ". */
const RESOLVED_VERB_LIST = rx("giải quyết\\s*,\\s*(trả lời|xử lý)( xong| dứt điểm)?\\s*$");
/** Filed away right before the count: "lưu 10", "lưu hồ sơ 5", "lưu giữ 3". */
const FILED = rx("\\blưu( hồ sơ| giữ)?\\s*$");
/** A kind of petition: "khiếu nại", "tố cáo", "kiến nghị", "phản ánh" (the abbreviations too). */
const PETITION_KIND = rx("(khiếu nại|tố cáo|kiến nghị|phản ánh|phản ảnh|\\bkn\\b|\\btc\\b)");
/** A count resolved, then what opens its breakdown (its share between): "giải quyết 45 đơn, gồm ", "giải quyết 38/42 vụ việc (", "… đơn, đạt 90%; trong đó ". */
// Not the competence: "Số đơn thuộc thẩm quyền giải quyết 80 đơn (khiếu nại 50, tố cáo 30)".
const RESOLVED_BREAKDOWN = rx("(?<!thẩm quyền )giải quyết( xong| được| dứt điểm)?\\s*\\d[\\d./]*\\s*(đơn|vụ)[^\\d;()]{0,60}(đạt( tỷ lệ| tỉ lệ)?\\s*\\d[\\d,.]*\\s*%\\s*[;,]?\\s*)?(\\(|\\bgồm\\b|\\btrong đó\\b)[^;()]*$");
/** An item opening its clause, bare or named by its kind only: "", "tố cáo ", "đơn kiến nghị, phản ánh ". */
const KIND_ONLY = rx("^\\s*((đơn )?(khiếu nại|tố cáo|kiến nghị|phản ánh|phản ảnh)[, ]*)*\\s*$");
/** The clause before, ended by ";", counted petitions resolved: "đã giải quyết xong 28/30 đơn khiếu nại, đạt 93,3%; ". */
const RESOLVED_BEFORE_ITEM = rx("giải quyết[^;]{0,40}\\d[^;]*;\\s*$");
/** Taken up for resolution right before the count: "thụ lý giải quyết 25", "thụ lý, giải quyết 8". */
const TAKEN_UP = rx("\\bthụ lý\\s*(,|và)?\\s*(giải quyết|xem xét|xác minh)\\s*$");

/** Petitions by where their resolution stands, said right after their noun: not yet, under way, at a first or second instance. */
const STANDING_AFTER = rx("^\\s*(đơn|vụ)( thư| việc)?\\s+(chưa|đang|còn đang)\\b|^\\s*(đơn|vụ)( thư| việc)?\\s+(giải quyết|thụ lý)\\s+lần\\s+(đầu|thứ|hai|\\d)");

/**
 * Papers an office writes while handling petitions or inspections, counted as documents: "ban hành 9 văn bản hướng dẫn
 * công dân, 21 văn bản chuyển đơn, 6 văn bản đôn đốc", "ban hành 36 kết luận thanh tra": no leadership documents.
 */
export function handlingPapers(f: RuleInput): boolean {
  return HANDLING_PAPERS.test(f.right);
}
const HANDLING_PAPERS = rx("^(văn bản|công văn|thông báo|kết luận|quyết định)\\s+(hướng dẫn (công dân|người dân|nhân dân)|chuyển đơn|trả lời (đơn|công dân)|thụ lý|thanh tra|giải quyết (khiếu nại|tố cáo|đơn)|xử phạt)");

