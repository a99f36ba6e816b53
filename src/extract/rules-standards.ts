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
      // "tổ chức tại 11 xã xây dựng nông thôn mới": communes working toward the standard, not those that reached it.
      if (BUILDING.test(right)) return null;
      if (R.newRural.test(right)) return R.model.test(right) ? null : R.advanced.test(right) ? "new_rural.advanced" : "new_rural.communes";
      {
        // "9/15 xã có đồng bào … sinh sống đã đạt chuẩn nông thôn mới": the standard at the end of the clause.
        // "35 xã, thị trấn đạt chuẩn nông thôn mới": the kinds of commune listed are one noun.
        // "374/449 xã (chiếm 83% tổng số xã) đạt chuẩn nông thôn mới": an aside in parentheses does not end the clause.
        const clause = tail.replace(R.communeKinds, "").replace(/\([^()]{0,80}\)/gu, " ").split(/[,;(]/)[0]!;
        // "8/10 xã hoàn thành 19/19 tiêu chí nông thôn mới": every criterion met is the standard reached.
        if (ALL_CRITERIA.test(clause) && R.newRural.test(clause + " " + (f.statement ?? before))) return R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
        if (!/\d/.test(clause) && R.reached.test(clause)) return R.model.test(clause) ? null : R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
        // "15/15 xã đạt chuẩn nông thôn mới, trong đó 5 xã đạt chuẩn nâng cao": a part of those, the standard not named again;
        // "Về xây dựng nông thôn mới: đến nay có 9/14 xã đạt chuẩn": or named by the statement's label.
        if (!/\d/.test(clause) && REACHED_BARE.test(clause) && R.newRural.test(f.statement ?? before)) return R.model.test(clause) ? null : R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
      }
      // "Số xã đạt chuẩn nông thôn mới: 9/11 xã", "Tổng số xã đạt chuẩn NTM nâng cao … là 7 xã": a label naming the
      // standard, when the clause after the count names none of its own ("… là 186 xã và 68 xã đạt chuẩn kiểu mẫu").
      if (R.reached.test(seg) && !NOT_REACHED.test(seg)) return R.model.test(seg) ? null : R.advanced.test(seg) ? "new_rural.advanced" : "new_rural.communes";
      // "2 xã đạt chuẩn nông thôn mới, nâng tổng số lên 10 xã": the communes that reached it so far, not all communes.
      if (rx("nâng (tổng số|lên)").test(seg) && R.reached.test(sentence)) return R.model.test(sentence) ? null : R.advanced.test(sentence) ? "new_rural.advanced" : "new_rural.communes";
      // "toàn huyện có 10/17 xã tổ chức xong đại hội": the part of a pair is not the total.
      // "Huyện có 14 xã, thị trấn với 156 thôn": a district that has them, the noun list closed (not "5 xã đặc biệt khó khăn").
      const districtHas = DISTRICT_HAS.test(seg) && LIST_CLOSED.test(tail);
      // "Xã có 14 …", "Tất cả 18 xã, thị trấn": all the unit's communes, nothing said of some of them after.
      const allOf = (UNIT_HAS.test(seg) || ALL_OF.test(seg)) && right === "xã" && ALL_KINDS_END.test(tail.replace(R.communeKinds, "").replace(LEAD_COMMUNE, "").replace(PLACE_OF, ""));
      // Not some that did or reached something: "Toàn huyện có 2 xã đạt 12 tiêu chí".
      return ((R.total.test(seg) && !SOME_DID.test(tail.split(/[,;(]/)[0]!)) || districtHas || allOf) && !percent && !f.pair ? "communes.total" : null;
    case "đơn vị":
      // "huyện có 21 đơn vị hành chính cấp xã", "có 17 đơn vị hành chính, gồm 15 xã và 2 thị trấn": the communes, all of them.
      // Also those left after a merger: "Sau sắp xếp, tỉnh còn 124 đơn vị hành chính cấp xã".
      return UNITS_OF_COMMUNES.test(tail.slice(0, 60)) && (R.total.test(seg) || rx("\\b(có|gồm|còn)\\s*$").test(seg)) && !percent && !f.pair ? "communes.total" : null;
    case "trường":
      if (R.school.test(right)) return "schools.standard";
      // "Số trường đạt chuẩn quốc gia là 21/30 trường": a label naming the standard.
      if (R.school.test(seg) && !NOT_REACHED.test(seg)) return "schools.standard";
      // "Huyện hiện có 42 trường học các cấp": all the unit's schools.
      if (UNIT_HAS.test(seg) && rx("^trường( học)?( các cấp| các loại)?$").test(right) && !percent && !f.pair) return "schools.total";
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
/** Communes working toward a standard: "xã xây dựng nông thôn mới", "xã đang thực hiện …". */
const BUILDING = rx("^xã\\s+(đang\\s+)?(xây dựng|thực hiện|triển khai|phấn đấu|đăng ký|hướng tới|tiến tới)\\b");
/** Every criterion met: "hoàn thành 19/19 tiêu chí nông thôn mới", "đạt đủ các tiêu chí xã nông thôn mới nâng cao". */
// "1 xã đạt 19 tiêu chí" after communes with some criteria, the programme named before in the statement.
const ALL_CRITERIA = rx("^\\s*(xã\\s+)?(đã\\s+)?(hoàn thành|đạt)\\s+(đủ\\s+|đầy đủ\\s+)?(19/19|19|các)\\s+tiêu chí\\b");
/** A unit that has the count, opening the clause: "Huyện có ", "Thị xã Ninh Hòa hiện có ". */
const UNIT_HAS = rx("^\\s*(xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh|quận)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*$");
/** The noun itself at the head of the tail, when no kinds follow it. */
const LEAD_COMMUNE = rx("^\\s*xã");
/** What some communes did or reached, right after them: "xã đạt 12 tiêu chí", "xã tổ chức …", "xã chưa …". */
const SOME_DID = rx("^\\s*xã\\s+(đã\\s+|được\\s+)?(đạt|tổ chức|thực hiện|hoàn thành|tham gia|có|chưa|không|đăng ký|xây dựng)\\b");
/** Where the communes are, right after them: "trong tỉnh", "trên địa bàn huyện", "của toàn tỉnh". */
const PLACE_OF = rx("^\\s*(trong|của|thuộc|trên địa bàn)( toàn)? (tỉnh|huyện|thành phố|thị xã|quận)\\b");
/** All of them: "tất cả ", "toàn bộ ". */
const ALL_OF = rx("\\b(tất cả|toàn bộ)( các)?\\s*$");
/** Nothing more after the communes and their kinds: not another kind counted ("…, 2 thị trấn"), nor what some did. */
const ALL_KINDS_END = rx("^\\s*($|[;.:(]|(với|gồm|trong đó|đều)\\b|,(?!\\s*\\d))");
/** Administrative units of the commune level, or broken down into communes: "đơn vị hành chính cấp xã", "…, gồm 15 xã". */
const UNITS_OF_COMMUNES = rx("^\\s*đơn vị hành chính\\s*(cấp xã|,?\\s*(gồm|trong đó)( có)?\\s*\\d[\\d.]*\\s*(xã|phường))");
/** A standard reached, its name left out: "đạt chuẩn nâng cao", "đạt chuẩn kiểu mẫu", "đạt chuẩn". */
const REACHED_BARE = rx("^\\s*(xã\\s+)?(được công nhận |đã )?đạt chuẩn(\\s+(nâng cao|kiểu mẫu))?\\s*$");
