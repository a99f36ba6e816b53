/**
 * Pure: whether a count of people named by who they are ("tín đồ", "chi hội trưởng", "hộ"…, R.campaignPeople) is a
 * mobilisation campaign's people (campaign.participants); rules.ts asks it for those nouns. Written from the genre
 * (sơ kết / tổng kết dân vận reports, provincial news), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/** A statement opened by a label naming a mass campaign, its items after: "Phát động quần chúng: ", "Công tác vận động quần chúng: ". */
export const CAMPAIGN_LABEL = rx("^\\s*[-+•*]?\\s*(công tác |kết quả )?(phát động|vận động) quần chúng[^:;.\\d]{0,40}:");

/** The people a campaign drew, named by who they are: they joined it, came to its sessions, or signed its commitment. */
export function campaignPeopleBy(f: RuleInput): boolean {
  const { right, seg, before, tail } = f;
  const sentence = before + " " + tail;
  // "thu hút 2.500 tín đồ tham gia", "500 hộ hưởng ứng": they joined a campaign named in the sentence.
  if ((R.campaign.test(sentence) || R.campaign.test(f.statement ?? "")) && R.joined.test(seg + " " + tail) && !R.registered.test(seg + " " + tail.slice(0, 40))) return true;
  // "20 buổi tuyên truyền, vận động với 450 chi hội trưởng tham dự": the people of mobilisation sessions.
  if (!R.households.test(right) && R.mobilisingSessions.test(before) && rx("\\b(với|cho)\\s*$").test(seg)) return true;
  // "15 buổi tuyên truyền tại các điểm nhóm, thu hút 1.300 tín đồ tham gia": the people drawn to propaganda sessions counted
  // just before (those are campaign.sessions), as "… thu hút 6.500 lượt người dân tham gia" (rules.ts).
  // "15 buổi tuyên truyền cho 640 chức sắc, chức việc": or the believers and ethnic minorities the sessions were held for
  // (not the law taught to them: "12 buổi tuyên truyền pháp luật cho 800 tín đồ", as for people in rules.ts).
  if (!HOUSEHOLDS.test(right) && R.sessionsJustBefore.test(before) && R.propaganda.test(f.statement ?? sentence) && !R.outreach.test(before) && !R.dialogue.test(sentence)
    && ((R.drawsPeople.test(seg) && R.joined.test(seg + " " + tail.slice(0, 40))) || (BELIEVERS.test(right) && rx("\\b(cho|với)\\s*$").test(seg) && !LAW_TAUGHT.test(before)))) return true;
  // "Phát động quần chúng … Qua đó, có 3.500 hộ ký cam kết": those who signed a campaign's commitment, in its passage;
  // "vận động 1.500 hộ ký cam kết": or those the mobilisation brought to sign it.
  // "- Số hộ ký cam kết: 3.200 hộ": or counted bare after a label naming them, under the campaign's heading.
  const signedAfter = tail.slice(0, 50).split(/[,;.:(]|\d/)[0]!;
  // "27.473 hộ dân và 767 chủ phương tiện đã ký cam kết": or signed with others counted beside them.
  // "767 chủ phương tiện tàu, xuồng đã ký cam kết": or after the kinds of what they own, listed.
  return ((R.signed.test(signedAfter) && !R.registered.test(signedAfter)) || SIGNED_LABEL.test(seg) || SIGNED_WITH_OTHERS.test(tail) || SIGNED_AFTER_KINDS.test(tail))
    && (R.campaign.test(sentence + " " + f.wide.slice(-400)) || R.securityMovement.test(f.statement ?? sentence) || rx("\\bvận động( được)?\\s*$").test(seg));
}

/**
 * Individuals who signed a campaign's commitment, in its passage: "Phát động phong trào … có 85 cá nhân ký cam kết"; listed
 * before others who signed with them: "có 40 cá nhân, 260 hộ gia đình ký cam kết". Not those commended in it.
 */
export function individualsSigned(f: RuleInput): boolean {
  const signedAfter = f.tail.slice(0, 50).split(/[,;.:(]|\d/)[0]!;
  const signed = (R.signed.test(signedAfter) && !R.registered.test(signedAfter)) || SIGNED_WITH_LISTED.test(f.tail);
  return signed && !R.commended.test(f.before) && (R.campaign.test(f.before + " " + f.tail + " " + f.wide.slice(-400)) || R.securityMovement.test(f.statement ?? f.before));
}
/** Others counted after a comma or "và", then the commitment they all signed: " cá nhân, 260 hộ gia đình ký cam kết". */
const SIGNED_WITH_LISTED = rx("^[^.;:(\\d]{0,12}(,|\\svà)\\s*\\d[\\d.]*\\s*[^.;:\\d]{0,40}\\bký (bản |giấy )?cam kết");

/**
 * "Tổ chức 6 hội nghị tuyên truyền, phổ biến chính sách tôn giáo cho 420 chức sắc, chức việc": believers and their
 * dignitaries (or heads at the grassroots: "… quán triệt Nghị quyết cho 150 chi hội trưởng") a dissemination meeting
 * counted just before was held for (dissemination.attendees), as "… cho 3.500 lượt
 * người" (rules.ts); not a training in techniques.
 */
export function believersBriefed(f: RuleInput): boolean {
  return (BELIEVERS.test(f.right) || GRASSROOTS_HEADS.test(f.right)) && MEETING_JUST_BEFORE.test(f.before) && R.dissemination.test(f.before) && rx("\\bcho\\s*$").test(f.seg)
    && !R.technical.test(f.before + " " + f.tail) && !R.dialogue.test(f.before);
}
/** A count of meetings right before, nothing counted between: "6 hội nghị tuyên truyền, phổ biến chính sách tôn giáo cho ". */
const MEETING_JUST_BEFORE = rx("\\d\\s*hội nghị\\b[^\\d;.]{0,80}$");
/** The law disseminated, not people mobilised. */
const LAW_TAUGHT = rx("\\bpháp luật\\b");
/** Heads at the grassroots, briefed as the believers' dignitaries are: "150 chi hội trưởng", "85 trưởng thôn", "64 tổ trưởng". */
const GRASSROOTS_HEADS = rx("^(lượt )?(chi hội trưởng|trưởng thôn|tổ trưởng)\\b");
/** Households, in turns or not: signing or registering is what they do, not attending sessions. */
const HOUSEHOLDS = rx("^(lượt )?(hộ|gia đình)\\b");
/** Believers, their dignitaries and the people of ethnic minorities, the audience religious and ethnic work mobilises. */
const BELIEVERS = rx("^(lượt )?(tín đồ|chức sắc|chức việc|giáo dân|phật tử|đồng bào|già làng|người có uy tín|trưởng bản|trưởng buôn)\\b");
/** A label naming those who signed a commitment, before their bare count: "Số hộ ký cam kết: ". */
const SIGNED_LABEL = rx("\\bsố (hộ|người|lượt)[^:\\d]{0,20}\\bký (bản |giấy )?cam kết\\s*(:|là)\\s*$");
/** Those counted, then others joined by "và", then the commitment they signed: " hộ dân và 767 chủ phương tiện đã ký cam kết". */
const SIGNED_WITH_OTHERS = rx("^[^.;:(\\d]{0,30}\\svà\\s*\\d[\\d.]*\\s*[^.;:\\d]{0,40}\\bký (bản |giấy )?cam kết");
/**
 * The signing after the noun and a short list of kinds or of people: " chủ phương tiện tàu, xuồng đã ký cam kết",
 * " chức sắc, chức việc, tín đồ ký cam kết".
 */
const SIGNED_AFTER_KINDS = rx("^\\s*([\\p{L}\\p{M}]+ ){0,4}[\\p{L}\\p{M}]+(,\\s*[\\p{L}\\p{M}]+( [\\p{L}\\p{M}]+)?){1,3}\\s+((đã|cùng) )?ký (bản |giấy )?cam kết");
