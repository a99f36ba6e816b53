/**
 * Pure: which context gives a figure its catalog indicator. This file sets apart the figures that count nothing done
 * (differences, targets, plans, averages, soldiers who stayed) and asks the families read before the counted noun
 * (shares in rules-share.ts, contributions in rules-contrib.ts, briefings in rules-briefing.ts, complaints in
 * rules-complaints.ts); rules-nouns.ts then reads the counted noun. Written from the genre (sơ kết / tổng kết dân vận
 * reports, provincial news), not from any one text; the words are in lexicon.ts, the phrases in rule-words.ts.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { targetAssigned, targetBefore } from "./rules-plans.ts";
import { contribFor } from "./rules-contrib.ts";
import { shareFor } from "./rules-share.ts";
import { briefingFor } from "./rules-briefing.ts";
import { returneesSubset } from "./rules-returnees.ts";
import { complaintsCountedFor } from "./rules-complaints.ts";
import { insideQuotedName } from "./rules-traps.ts";
import { nounIndicator } from "./rules-nouns.ts";
import { comparedWithEarlier, rateNotTotal } from "./rules-rates.ts";

/** The catalog indicator a figure's context names, or null when it does not clearly say. */
export function indicatorFor(f: RuleInput): string | null {
  const { unit, right, seg, before, percent, tail } = f;
  if (R.diff.test(seg)) return null; // "tăng 15 lượt": a difference, not a count
  if (R.eachHas.test(seg)) return null; // "mỗi lượt đoàn có từ 5 người": what defines each, not a count
  if (targetBefore(before) || R.programme.test(seg)) return null;
  // A target assigned ("giao chỉ tiêu vận động 1,5 tỷ đồng, sửa chữa 12 nhà"; rules-plans.ts), a count in a movement's quoted name (rules-traps.ts).
  if (targetAssigned(f) || insideQuotedName(f)) return null;
  // "150 đại biểu đại diện cho 3.400 hội viên dự hội nghị": a congress's structure, no audience and no activity.
  if (R.represents.test(tail) || R.representedBy.test(seg)) return null;
  // A plan's figure ("Kế hoạch tổ chức 10 hội nghị"), one proposed for an award ("đề nghị … khen thưởng 18 mô
  // hình"), an average per period ("trung bình 300 vụ/năm"): figures, but none is a count of what was done.
  if (R.planned.test(seg) || R.plannedLabel.test(f.statement ?? "") || R.proposedInClause.test(seg) || R.proposedBefore.test(before) || R.average.test(seg) || R.perPeriod.test(tail)) return null;
  // A rate for each item ("40 triệu đồng một căn", "với mức hỗ trợ 40 triệu đồng"), a difference from or a share of an
  // earlier period ("nhiều hơn cùng kỳ 30 lượt", "bằng 85% so với cùng kỳ"): no total of the period (rules-rates.ts).
  if (rateNotTotal(f) || comparedWithEarlier(f)) return null;
  // "228 quân nhân xuất ngũ …, 12 quân nhân tiếp tục theo học các trường quân đội": those who stay are not back home.
  // "… quân nhân hoàn thành NVQS trở về địa phương, số còn lại tiếp tục ở lại quân đội": back home in their own
  // clause, the rest who stayed are another group. "giao 260 quân nhân lên đường nhập ngũ": sent off, not back.
  // "Đón 90 quân nhân xuất ngũ, 25 đồng chí đăng ký học nghề": returnees by what they do next, a subset (rules-returnees.ts).
  if ((unit === "đồng chí" || unit === "người" || (unit !== null && R.soldiers.has(unit))) && returneesSubset(f)) return null;
  if (unit !== null && R.soldiers.has(unit)) {
    const backInClause = R.returnees.test(right) && R.served.test(right);
    if (R.stayed.test(backInClause ? right : tail.slice(0, 80).split(/[;.\n]|\d/)[0]!)) return null;
    if (R.recruits.test(right) && !backInClause) return null;
  }
  if (percent) {
    const share = shareFor(f);
    if (share !== undefined) return share;
  }
  const contrib = contribFor(f);
  if (contrib !== undefined) return contrib;
  // Petitions or cases left over after those resolved ("…, còn 5 đơn") are a backlog, neither received nor cases.
  if ((unit === "đơn" || unit === "vụ") && R.leftOver.test(seg) && R.settledBefore.test(before)) return null;
  // "giải quyết dứt điểm 34 vụ việc phức tạp, tồn đọng, kéo dài": a backlog settled, named in the noun list after the count.
  if ((unit === "đơn" || unit === "vụ") && BACKLOG_AFTER.test(tail)) return null;
  // Briefings, their classes and audience, and trips to the grassroots, in phrasings the units below leave bare (rules-briefing.ts).
  const briefingKey = briefingFor(f);
  if (briefingKey !== undefined) return briefingKey;
  // "tiếp nhận 42 lượt khiếu nại, tố cáo; đã giải quyết dứt điểm 39 trường hợp": complaints by turn or case (rules-complaints.ts).
  if (unit === "lượt" || unit === "trường hợp" || unit === "vụ") {
    const complaints = complaintsCountedFor(f);
    if (complaints !== undefined) return complaints;
  }
  return nounIndicator(f);
}

/** A percentage right after "đạt", "chiếm"… shares the key of the count it follows (rules-share.ts). */
export { SHARE_LEFT } from "./rules-share.ts";
/** A backlog named in the noun list after a count of petitions or cases: "vụ việc phức tạp, tồn đọng, kéo dài". */
const BACKLOG_AFTER = rx("^[^\\d;.:]{0,40}\\b(tồn đọng|kéo dài)\\b");
