/**
 * Pure: the indicator of a count of communes or schools (those that reached the new rural or the national standard,
 * or all of them); rules.ts hands these nouns here. Written from the genre, not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/** The key of a count of communes ("xã") or schools ("trường"); null when its context does not clearly say. */
export function standardFor(f: RuleInput): string | null {
  const { unit, right, seg, before, percent, tail } = f;
  const sentence = before + " " + tail;
  switch (unit) {
    case "xã":
      // "6 xã điểm nông thôn mới": the pilot communes of a programme, not communes that reached its standard.
      if (R.pilot.test(right) && !R.reached.test(tail.split(/[,;(]/)[0]!)) return null;
      // "12 xã đăng ký đạt chuẩn nông thôn mới", "3 xã chưa đạt chuẩn NTM": a target or those still short of it.
      if (NOT_REACHED.test(tail.split(/[,;(]/)[0]!)) return null;
      if (R.newRural.test(right)) return R.model.test(right) ? null : R.advanced.test(right) ? "new_rural.advanced" : "new_rural.communes";
      {
        // "9/15 xã có đồng bào … sinh sống đã đạt chuẩn nông thôn mới": the standard at the end of the clause.
        // "35 xã, thị trấn đạt chuẩn nông thôn mới": the kinds of commune listed are one noun.
        // "374/449 xã (chiếm 83% tổng số xã) đạt chuẩn nông thôn mới": an aside in parentheses does not end the clause.
        const clause = tail.replace(R.communeKinds, "").replace(/\([^()]{0,80}\)/gu, " ").split(/[,;(]/)[0]!;
        if (!/\d/.test(clause) && R.reached.test(clause)) return R.model.test(clause) ? null : R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
        // "15/15 xã đạt chuẩn nông thôn mới, trong đó 5 xã đạt chuẩn nâng cao": a part of those, the standard not named again;
        // "Về xây dựng nông thôn mới: đến nay có 9/14 xã đạt chuẩn": or named by the statement's label.
        if (!/\d/.test(clause) && REACHED_BARE.test(clause) && R.newRural.test(f.statement ?? before)) return R.model.test(clause) ? null : R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
      }
      // "2 xã đạt chuẩn nông thôn mới, nâng tổng số lên 10 xã": the communes that reached it so far, not all communes.
      if (rx("nâng (tổng số|lên)").test(seg) && R.reached.test(sentence)) return R.model.test(sentence) ? null : R.advanced.test(sentence) ? "new_rural.advanced" : "new_rural.communes";
      // "toàn huyện có 10/17 xã tổ chức xong đại hội": the part of a pair is not the total.
      // "Huyện có 14 xã, thị trấn với 156 thôn": a district that has them, the noun list closed (not "5 xã đặc biệt khó khăn").
      const districtHas = DISTRICT_HAS.test(seg) && LIST_CLOSED.test(tail);
      return (R.total.test(seg) || districtHas) && !percent && !f.pair ? "communes.total" : null;
    case "trường":
      if (R.school.test(right)) return "schools.standard";
      // "công nhận thêm 3 trường đạt chuẩn quốc gia, nâng tổng số trường đạt chuẩn lên 45/60 trường": those so far.
      if (rx("nâng (tổng số|lên)").test(seg) && R.school.test(before)) return "schools.standard";
      return R.total.test(seg) && !percent && !f.pair ? "schools.total" : null;
    default:
      return null;
  }
}

/** A district (or a province) that opens its clause and has the communes counted: "Huyện có ", "Thị xã hiện có ". */
const DISTRICT_HAS = rx("^\\s*(huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*$");
/** The communes and their kinds, then nothing said of them: "xã, thị trấn với ", "xã, phường;". */
const LIST_CLOSED = rx("^\\s*xã((,|\\s+và)\\s+(phường|thị trấn|đặc khu))*\\s*([,;.]|với\\b|và\\s*\\d|$)");
/** Communes registered for, aiming at or still short of a standard: "đăng ký đạt chuẩn", "chưa đạt chuẩn". */
const NOT_REACHED = rx("\\b(đăng ký|phấn đấu|dự kiến|chưa|không)\\b[^,;\\d]{0,20}\\bđạt chuẩn");
/** A standard reached, its name left out: "đạt chuẩn nâng cao", "đạt chuẩn kiểu mẫu", "đạt chuẩn". */
const REACHED_BARE = rx("^\\s*(xã\\s+)?(được công nhận |đã )?đạt chuẩn(\\s+(nâng cao|kiểu mẫu))?\\s*$");
