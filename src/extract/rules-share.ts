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
  if (!otherRate && (R.rate.test(sentence) || R.resolvedLeft.test(seg)) && R.resolvedLeft.test(sentence) && R.petition.test(sentence)) return "petitions.resolution_rate";
  // "tỷ lệ hòa giải thành đạt 91,5%": the share of successful mediation.
  // Under a heading on it, without "tỷ lệ": "Kết quả hòa giải thành:\n- Xã A: 95%".
  if (R.hoaGiaiThanh.test(seg) && (R.rate.test(seg) || R.hoaGiai.test(seg)) && !R.notSettled.test(seg)) return "mediation.successful";
  // "hơn 90% mâu thuẫn được hòa giải thành ngay tại cơ sở": the share said after the noun.
  if (R.settledShareAfter.test(tail) && !R.notSettled.test(tail.slice(0, 60))) return "mediation.successful";
  // "Tỷ lệ thôn, buôn được phát động: 100%", and its items by place under it: the villages a campaign reached.
  if (rx("tỷ lệ (số )?(thôn|buôn|bản|làng|ấp|tổ dân phố|khu dân cư)").test(sentence) && R.campaign.test(sentence)) return "campaign.villages_reached";
  if (unit === null || unit === "%") return null;
  // "100% thôn", "95% đơn được giải quyết": a share of a counted indicator. Other shares are rates.
  // "94% đơn kiến nghị, phản ánh của công dân được giải quyết xong": the verb may follow the noun list.
  if (unit === "đơn") return R.resolvedLeft.test(near) || R.resolvedRight.test(tail.slice(0, 80)) ? "petitions.resolution_rate" : null;
  if (!SHARED_UNITS.has(unit) && !R.villages.has(unit)) return null;
  return undefined;
}
