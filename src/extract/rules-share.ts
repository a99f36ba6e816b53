/**
 * Pure: the catalog indicator of a share (a percentage), from the rate its clause names, or of a counted noun
 * shared (rules.ts reads it on as a count); written from the genre, like rules.ts.
 */
import { rx } from "./lexicon.ts";
import { R, SHARED_UNITS, type RuleInput } from "./rule-words.ts";

/** A percentage right after "đạt", "chiếm"… shares the key of the count it follows. */
export const SHARE_LEFT = rx("(đạt|bằng|chiếm|đạt tỷ lệ|tỷ lệ|đạt tỉ lệ)\\s*$");

/** The key of a share (a percentage), null for none; undefined: a share of a counted noun, keyed as the count. */
export function shareFor(f: RuleInput): string | null | undefined {
  const { unit, right, seg, before, tail } = f;
  const near = seg + " " + right;
  const sentence = before + " " + tail;
  // "Tỷ lệ hòa giải thành đạt 90%, tỷ lệ giải quyết đơn thư đạt 95%": the rate its own clause names comes first.
  if (R.rate.test(seg) && R.hoaGiaiThanh.test(seg) && !R.petition.test(seg) && !R.notSettled.test(seg)) return "mediation.successful";
  // "…, tỷ lệ hộ nghèo còn 2,1%": a rate its own clause names otherwise is not the petitions' rate of the sentence.
  // Also an item's own label: "…: 95%, hộ nghèo: 2,1%".
  const otherRate = (R.ownRate.test(seg) || R.ownLabel.test(seg)) && !R.petition.test(seg) && !R.resolvedLeft.test(seg);
  // Petitions named as complaints and denunciations too, in a sentence on no mediation: "Tỷ lệ giải quyết khiếu nại, tố cáo đạt 92%".
  const petitions = R.petition.test(sentence) || (R.complaint.test(sentence) && !R.hoaGiai.test(sentence));
  // "…, 100% xã tổ chức đối thoại": a share of places named right after it is no rate of the sentence's petitions.
  const ofPlaces = PLACES_AFTER.test(tail) && !R.rate.test(seg) && !R.resolvedLeft.test(seg);
  if (!otherRate && !ofPlaces && (R.rate.test(sentence) || R.resolvedLeft.test(seg)) && R.resolvedLeft.test(sentence) && petitions) return "petitions.resolution_rate";
  // "tỷ lệ hòa giải thành đạt 91,5%": the share of successful mediation.
  // Under a heading on it, without "tỷ lệ": "Kết quả hòa giải thành:\n- Xã A: 95%".
  if (R.hoaGiaiThanh.test(seg) && (R.rate.test(seg) || R.hoaGiai.test(seg)) && !R.notSettled.test(seg)) return "mediation.successful";
  // "Tỷ lệ hòa giải đạt 85%", "Kết quả hòa giải ở cơ sở: năm 2022 đạt 85%": the rate of mediation is its success rate.
  if (MEDIATION_RATE.test(seg) && !R.notSettled.test(seg) && !R.petition.test(seg)) return "mediation.successful";
  // "hơn 90% mâu thuẫn được hòa giải thành ngay tại cơ sở": the share said after the noun.
  if (R.settledShareAfter.test(tail) && !R.notSettled.test(tail.slice(0, 60))) return "mediation.successful";
  // "Tỷ lệ thôn, buôn được phát động: 100%", and its items by place under it: the villages a campaign reached.
  if (rx("tỷ lệ (số )?(thôn|buôn|bản|làng|ấp|tổ dân phố|khu dân cư)").test(sentence) && R.campaign.test(sentence)) return "campaign.villages_reached";
  // "Tỷ lệ hòa giải thành ở cơ sở\n- Năm 2023: 87,5%", "Giải quyết đơn thư: năm 2022 đạt 91%, năm 2023 đạt 94%", "Tỷ lệ
  // hòa giải thành qua các năm lần lượt là 82%, 85% và 88%": items of a list of rates take the rate its heading names.
  const turn = IN_TURN.exec(seg);
  const item = (turn ? seg.slice(turn.index + turn[0].length) : seg).replace(/\d[\d.,]*\s*%/gu, "");
  const head = ITEM_LABEL.test(item) ? rateHeading(f) : null;
  if (head !== null && (R.hoaGiaiThanh.test(head) || MEDIATION_RATE.test(head)) && !R.notSettled.test(head) && !R.petition.test(head)) return "mediation.successful";
  if (head !== null && R.resolvedLeft.test(head) && R.complaint.test(head)) return "petitions.resolution_rate";
  // "Tỷ lệ trường đạt chuẩn quốc gia đạt 78,5%", "tỷ lệ xã đạt chuẩn nông thôn mới 85%": the share of a keyed count its rate names.
  const rateOf = RATE_OF.exec(seg);
  if (rateOf && rx("trường").test(rateOf[1]!) && R.school.test(rateOf[2]!)) return "schools.standard";
  if (rateOf && rx("\\bxã\\b").test(rateOf[1]!) && R.newRural.test(rateOf[2]!) && !R.model.test(rateOf[2]!)) return R.advanced.test(rateOf[2]!) ? "new_rural.advanced" : "new_rural.communes";
  // "90% số xã đạt chuẩn nông thôn mới", "64% số trường đạt chuẩn quốc gia": the share of a keyed count, its noun after it.
  const shareOf = SHARE_OF_NOUN.exec(tail);
  if (shareOf && rx("trường").test(shareOf[1]!) && R.school.test(shareOf[2]!)) return "schools.standard";
  if (shareOf && rx("\\bxã").test(shareOf[1]!) && R.reached.test(shareOf[2]!) && !R.model.test(shareOf[2]!)) return R.advanced.test(shareOf[2]!) ? "new_rural.advanced" : "new_rural.communes";
  if (unit === null || unit === "%") return null;
  // "100% thôn", "95% đơn được giải quyết": a share of a counted indicator. Other shares are rates.
  // "94% đơn kiến nghị, phản ánh của công dân được giải quyết xong": the verb may follow the noun list.
  if (unit === "đơn") return R.resolvedLeft.test(near) || R.resolvedRight.test(tail.slice(0, 80)) ? "petitions.resolution_rate" : null;
  if (!SHARED_UNITS.has(unit) && !R.villages.has(unit)) return null;
  return undefined;
}

/** The places or households a share counts, right after it: "% xã", "% số thôn", "% cơ quan, đơn vị". */
const PLACES_AFTER = rx("^\\s*(số\\s+)?(xã|phường|thị trấn|thôn|buôn|bản|ấp|tổ dân phố|khu dân cư|cơ quan|đơn vị|hộ|chi bộ|chi hội)\\b");
/** A rate of schools or communes that reached a standard, right before its figure: "tỷ lệ trường đạt chuẩn quốc gia đạt". */
const RATE_OF = rx("(?:tỷ lệ|tỉ lệ)\\s+(?:số\\s+)?(trường|xã)\\b([^,;:\\d]{0,60})$");
/** The noun of a share right after it, with what it reached: "% số xã đạt chuẩn nông thôn mới", "% trường học đạt chuẩn quốc gia". */
const SHARE_OF_NOUN = rx("^\\s*(?:số\\s+)?(xã|trường)\\b([^,;:()\\d]{0,60})");
/** A rate or a result named by mediation alone: "tỷ lệ hòa giải", "kết quả hòa giải ở cơ sở" (not its mediators, teams or cases pending). */
const MEDIATION_RATE = rx("(tỷ lệ|tỉ lệ|kết quả)( công tác)? hoà giải\\b(?! (viên|không|chưa))");
/** An item of a list of rates, named by its place, level or year, or not named: "- Cấp huyện: ", "năm 2022 đạt ", "và ". */
const ITEM_LABEL = rx("^\\s*([-+•*]\\s*)?((năm|quý|tháng)( \\d{1,4})?|cấp (tỉnh|huyện|xã|cơ sở)|(xã|phường|thị trấn|huyện|thị xã|thành phố|quận|thôn|buôn|tổ dân phố|tỉnh)\\b[\\p{L}\\p{M} ]{0,25}|toàn (huyện|tỉnh|xã|thành phố|thị xã))?(\\s|:|,|đạt|là|và)*$");
const BULLET = /^\s*[-+•*]/u;
const IN_TURN = rx("\\blần lượt\\b");

/**
 * The heading a list of rates hangs from: the words before "lần lượt" in its statement, the label before the colon
 * that opens it, or the line above its bulleted items (a line of words, no figures in it); null when there is none.
 */
function rateHeading(f: RuleInput): string | null {
  const statement = f.statement ?? f.before;
  const turn = IN_TURN.exec(statement);
  if (turn) return statement.slice(0, turn.index);
  const colon = statement.indexOf(":");
  // Not the item's own label ("- Cấp huyện: 93%"): the heading is then the line above.
  if (colon > 0 && !/\d/.test(statement.slice(0, colon)) && !ITEM_LABEL.test(statement.slice(0, colon))) return statement.slice(0, colon);
  const lines = f.wide.split("\n");
  if (!BULLET.test(lines.pop() ?? "")) return null;
  for (let k = lines.length - 1; k >= Math.max(0, lines.length - 8); k--) {
    const line = lines[k]!.trim();
    if (line === "" || BULLET.test(line)) continue;
    return /\d/.test(line) ? null : line;
  }
  return null;
}

/**
 * "…, đạt 88,9%; trong đó: thị trấn 95%, các xã 86%", "Giải quyết khiếu nại, tố cáo đạt 95%; khiếu nại 93%; tố cáo
 * 100%", "… năm 2022 đạt 85%, năm 2023 đạt 88%": after a keyed rate, an item of its list named only by its place, its
 * level, its year or (for petitions) its kind, with
 * or without "đạt", is a rate of the same thing.
 */
export function rateItemOf(key: string, seg: string): boolean {
  return RATE_ITEM.test(seg) || (key === "petitions.resolution_rate" && KIND_ITEM.test(seg));
}
const ITEM_OPEN = "^\\s*(trong đó\\s*:?\\s*)?([-+•*]\\s*)?";
const ITEM_END = "\\s*(:|là)?\\s*(đạt\\s*)?(tỷ lệ\\s*)?$";
const RATE_ITEM = rx(ITEM_OPEN + "((năm|quý [ivx1-4]{1,4}|6 tháng( đầu năm| cuối năm)?|9 tháng)( \\d{4})?|cấp (tỉnh|huyện|xã|cơ sở)|các (xã|phường|thị trấn|thôn|huyện)( còn lại)?|(thị trấn|thị xã|thành phố)|(xã(?! hội)|phường|thị trấn|huyện|quận) \\p{L}[\\p{L}\\p{M} ]{0,20})" + ITEM_END);
const KIND_ITEM = rx(ITEM_OPEN + "(đơn\\s+)?(khiếu nại|tố cáo|kiến nghị|phản ánh)((,|\\s+và)?\\s+(khiếu nại|tố cáo|kiến nghị|phản ánh))*" + ITEM_END);
