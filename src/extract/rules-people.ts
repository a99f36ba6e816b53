/**
 * Pure: the catalog indicator of a count of people ("người") or of turns ("lượt"): people or turns received at a
 * reception desk, turns of a leader's dialogue, the audience of a briefing, a campaign's people, soldiers back
 * home. Called from rules.ts (indicatorFor); the words are in rule-words.ts, the passage tests in rule-passages.ts.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { dvkOrAwardFor } from "./rules-dvk.ts";
import { returneesBy } from "./rules-returnees.ts";
import { CAMPAIGN_LABEL } from "./rules-campaign.ts";
import { COMMITTEE_WITH_PEOPLE, briefing, ceremony, handledAfterReception, headingOver, kindSubsetOfReception } from "./rule-passages.ts";

/** The indicator of a count of people or turns, or null when its context does not clearly say. */
export function peopleOrTurnsFor(f: RuleInput): string | null {
  const { unit, right, seg, before, tail } = f;
  const near = seg + " " + right;
  const sentence = before + " " + tail;
  // "tập trung chủ yếu trong lĩnh vực đất đai 38/40 lượt tiếp công dân": the turns of one field, a part by content.
  if (FIELD_BEFORE.test(seg)) return null;
  // "tiếp 6 đoàn đông người với 175 lượt": the turns of people in the delegations received, as "05 lượt đoàn/75 lượt người".
  if (unit === "lượt" && rx("^lượt\\s*$").test(right.trim()) && DELEGATION_WITH.test(seg) && R.reception.test(before)) return "reception.people";
  // "Tặng Giấy khen cho 35 lượt tập thể, 60 lượt cá nhân": awards counted in turns, read as the recipients;
  // "công nhận 202 lượt mô hình, điển hình “Dân vận khéo”": models counted in turns, as models.
  const recipient = unit === "lượt" ? RECIPIENT_TURNS.exec(right) : null;
  // "có 240 lượt đi cơ sở nắm tình hình", "xuống cơ sở 120 lượt": trips out to the grassroots, as "buổi xuống cơ sở".
  if (unit === "lượt" && (TRIPS_OUT.test(right) || rx("\\b(xuống|đi) cơ sở\\s*(được\\s*)?$").test(seg))) return "outreach.sessions";
  if (recipient) return dvkOrAwardFor({ ...f, unit: recipient[1]!, right: right.slice(recipient[0].length - recipient[1]!.length), tail: tail.replace(/^\s*lượt\s*/u, " ") });
  // "đã tiếp 45 lượt công dân tại Trụ sở … và đối thoại với 120 hộ dân": a dialogue in the next clause is not the turns'.
  const ownRight = right.split(rx("\\s(và|đồng thời)\\s"))[0]!;
  const dialogueLater = R.reception.test(seg) && !R.dialogue.test(seg + " " + ownRight);
  if (unit === "lượt" && R.dialogue.test(near) && !dialogueLater) return R.peopleTurns.test(right) ? null : "dialogues.turns";
  // "Tổng số lượt tiếp: 285 lượt; tổng số người: 360 người": the people received, labelled after the turns.
  if (unit === "người" && PEOPLE_LABEL.test(seg) && TURNS_RECEIVED_BEFORE.test(f.statement ?? before)) return "reception.people";
  // "Lãnh đạo huyện đã tiếp 45 lượt công dân. Có 52 người đến trình bày": the people received, said after the turns.
  // "Trong năm có 52 người đến trụ sở UBND xã kiến nghị, phản ánh": people who came to the desk to petition, the desk
  // named after them.
  if ((unit === "người" || right.startsWith(keyOf("lượt người"))) && CAME_TO_DESK.test(tail) && !R.dialogue.test(sentence)) return kindSubsetOfReception(f) ? null : "reception.people";
  // Not those who came for one kind of petition after "trong đó" ("…, trong đó có 30 người đến khiếu nại"): a part.
  if (unit === "người" && R.cameToSay.test(tail.slice(0, 40)) && R.receptionDesk.test(f.wide.slice(-300)) && !R.dialogue.test(sentence)) return kindSubsetOfReception(f) ? null : "reception.people";
  // "tiếp xúc, đối thoại … 12 cuộc với 1.500 người tham dự": people at a dialogue, not people received.
  // Also "… 4 hội nghị đột xuất với nhân dân, có 1.500 lượt người tham dự".
  if ((unit === "người" || right.startsWith(keyOf("lượt người"))) && R.dialogue.test(before) && !R.receptionDesk.test(before)) return null;
  if (R.reception.test(before) || R.received.test(tail) || R.received.test(right) || (unit === "lượt" && R.receptionRight.test(right) && !R.campaign.test(before))) {
    // "Tiếp 15 đoàn khách với 120 người đến thăm và làm việc": visitors, not citizens at the desk.
    if (R.campaign.test(near) || R.conference.test(near) || R.visitors.test(sentence) || handledAfterReception(f) || kindSubsetOfReception(f)) return null;
    // "tiếp 18 lượt người dân với 21 người": turns counted in "lượt người", the people counted right after them.
    if (unit === "lượt" && PEOPLE_RIGHT_AFTER.test(tail.trim())) return "reception.turns";
    return unit === "người" || right.startsWith(keyOf("lượt người")) ? "reception.people" : "reception.turns";
  }
  // "42 hội nghị định kỳ giữa người đứng đầu cấp ủy … với trên 11.000 lượt nhân dân tham gia": people at a
  // meeting with the committee, not an audience briefed.
  // A meeting named only "hội nghị" in a passage on a dialogue ("Bí thư đối thoại với nhân dân … Tại Hội nghị
  // đã có 7 người dân tham gia") is that dialogue.
  // Also under a heading naming them: "3. Hội nghị định kỳ, đột xuất của cấp ủy với Nhân dân\n- Định kỳ: 24 hội
  // nghị, 3.200 lượt người dự".
  const heading = headingOver(f);
  const withThePeople = R.dialogue.test(sentence) || (R.periodic.test(sentence) && R.withPeople.test(sentence))
    || (R.dialogue.test(f.wide.slice(-300)) && !R.briefing.test(sentence))
    || (heading !== null && R.periodic.test(heading) && R.withPeople.test(heading) && !R.dissemination.test(sentence))
    // "… 22 hội nghị định kỳ với Nhân dân …; 3 hội nghị đột xuất, 280 lượt người dự": a clause of a statement on them.
    || (R.periodic.test(sentence) && R.periodic.test(f.statement ?? "") && R.withPeople.test(f.statement ?? "") && !R.dissemination.test(sentence))
    || (COMMITTEE_WITH_PEOPLE.test(sentence) && !R.dissemination.test(sentence));
  // "04 hội nghị phát động quần chúng … với 1.200 người dự": the people at a campaign's launch meetings.
  if (R.launchMeeting.test(sentence) && (R.attend.test(seg + " " + tail) || R.join.test(seg + " " + tail))) return "campaign.participants";
  if (R.conference.test(sentence) && briefing(f, sentence) && !withThePeople && !R.technical.test(sentence) && !R.voters.test(sentence) && !ceremony(sentence) && (R.attend.test(seg + " " + tail) || (R.join.test(seg + " " + tail) && !R.campaign.test(sentence)))) return "dissemination.attendees";
  // "quán triệt Nghị quyết cho 12.500 lượt cán bộ, đảng viên": the people the dissemination reached.
  // "45 hội nghị tuyên truyền, phổ biến pháp luật cho 3.500 lượt người": the people a dissemination meeting reached.
  // Not when the count just before "cho" in the clause is of something else: "tổ chức 225 buổi sinh hoạt câu lạc bộ cho
  // 19.950 lượt hội viên", "mở 5 lớp tập huấn, bồi dưỡng nghiệp vụ cho 1.390 lượt người" after such a meeting.
  const reached = R.conference.test(before) && R.dissemination.test(before) && rx("\\bcho\\s*$").test(seg) && !R.moneyYes.test(seg) && !R.technical.test(sentence)
    && meetingsJustBefore(before);
  if ((R.briefed.test(seg) || reached) && (unit === "người" || R.briefedRight.test(right))) return "dissemination.attendees";
  // "12.300 lượt hộ đăng ký thi đua": households registered, not people taking part; "2.300 lượt hộ gia đình
  // tham gia" a campaign are its people, named by their households.
  const householdsJoined = R.households.test(right) && R.joined.test(tail.slice(0, 60)) && !R.registered.test(tail.slice(0, 60));
  // Not those commended among them: "…, trong đó có 30 người được khen thưởng".
  if (R.campaign.test(sentence) && (!R.households.test(right) || householdsJoined) && !R.commended.test(tail.slice(0, 40).split(/[,;.]/)[0]!)) return "campaign.participants";
  // "Phát động quần chúng …; 1.200 lượt người tham gia": an item of a sentence that opened with the campaign.
  if (R.campaign.test(f.statement ?? "") && R.joined.test(seg + " " + tail) && !R.conference.test(sentence) && !R.households.test(right)) return "campaign.participants";
  // "Phát động quần chúng: 2 đợt; 36 buổi; 2.150 lượt người": people, bare, an item of a statement opened by the campaign's label.
  if (CAMPAIGN_LABEL.test(f.statement ?? "") && rx("^lượt người\\s*$|^lượt\\s*$|^người\\s*$").test(right) && !R.conference.test(sentence)) return "campaign.participants";
  // "Tại buổi phát động, … Buổi tuyên truyền thu hút gần 50 lượt người tham gia": the session of a campaign
  // named just before.
  if (rx("\\bbuổi\\b").test(before) && R.joined.test(seg + " " + tail) && R.campaign.test(f.wide.slice(-400)) && !R.households.test(right)) return "campaign.participants";
  // "45 buổi tuyên truyền, vận động tại các thôn với 5.400 lượt người nghe", "… cho 450 lượt đồng bào": the people
  // of mobilisation sessions. Also the people named by who they are: "… vận động tín đồ với 1.500 lượt tín đồ tham dự".
  if (R.mobilisingSessions.test(before) && rx("\\b(với|cho)\\s*$").test(seg) && !R.households.test(right) && (unit === "người" || R.briefedRight.test(right) || R.turnsOfBelievers.test(right))) return "campaign.participants";
  // "tổ chức 120 buổi tuyên truyền, thu hút 6.500 lượt người dân tham gia", "như: 45 buổi với 1.900 lượt người
  // tham gia": the people who joined the propaganda sessions counted just before (those are campaign.sessions);
  // people merely listed after sessions ("12 buổi tuyên truyền pháp luật với 800 lượt người") stay without a key.
  // "…, có trên 2.900 lượt người nghe": or who listened to them.
  if (R.sessionsJustBefore.test(before) && R.drawsPeople.test(seg) && (R.joined.test(seg + " " + tail.slice(0, 40)) || LISTENED.test(right)) && R.propaganda.test(f.statement ?? sentence) && !R.outreach.test(before)
    && !R.dialogue.test(sentence) && !R.households.test(right) && (unit === "người" || R.briefedRight.test(right) || R.turnsOfBelievers.test(right))) return "campaign.participants";
  // "tổ chức 133 buổi tuyên truyền nâng cao nhận thức về kinh tế tập thể cho 11.000 lượt cán bộ, hội viên": the people the
  // propaganda sessions counted just before were held for (not the law taught, nor a training in techniques).
  if (R.sessionsJustBefore.test(before) && rx("\\bcho\\s*$").test(seg) && R.propaganda.test(before.slice(-120)) && !rx("\\bpháp luật\\b").test(before.slice(-120))
    && !R.technical.test(sentence) && !R.outreach.test(before) && !R.dialogue.test(sentence) && !R.households.test(right) && (unit === "người" || R.briefedRight.test(right) || R.turnsOfBelievers.test(right))) return "campaign.participants";
  if (unit === "người" && ((R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) || returneesBy(f, sentence))) return "military.returnees";
  return null;}

/** People counted as those who listened: "lượt người nghe", "người nghe". */
const LISTENED = rx("^(lượt )?người nghe\\b");

/**
 * Members received at a reception desk, named by who they are, the verb of receiving right before them and what they
 * came to say after: "tiếp 30 hội viên, nông dân đến kiến nghị", "tiếp 12 đoàn viên đến phản ánh".
 */
export function membersReceived(f: RuleInput): boolean {
  return f.unit !== null && MEMBERS.has(f.unit) && RECEIVING_BEFORE.test(f.seg) && CAME_AFTER_NOUNS.test(f.tail.slice(0, 60));
}
/** Members of the mass organisations, counted by who they are. */
const MEMBERS = new Set(["hội viên", "đoàn viên", "cựu chiến binh"]);
/** The verb of receiving right before the count: "tiếp ", "đã tiếp được ", "tiếp và làm việc với "; not "trực tiếp". */
const RECEIVING_BEFORE = rx("(?<!(trực|gián) )\\btiếp( được| và làm việc với)?\\s*$");
/** What they came to say, after the names of who they are: " hội viên, nông dân đến kiến nghị". */
const CAME_AFTER_NOUNS = rx("^[^\\d;.]{0,40}\\b(đến|tới)\\s+(để\\s+)?(trình bày|kiến nghị|phản ánh|khiếu nại|tố cáo|đề nghị)");

/**
 * The count nearest before the figure in its clause (since ";"), if there is one, is of meetings that disseminate:
 * "45 hội nghị tuyên truyền, phổ biến pháp luật cho ", "1.200 buổi tập huấn, tuyên truyền luật cho ".
 */
function meetingsJustBefore(before: string): boolean {
  const clause = before.slice(before.lastIndexOf(";") + 1);
  const last = LAST_COUNT_NOUN.exec(clause);
  if (!last) return true;
  const noun = last[1]!;
  return MEETING_NOUN.test(noun) || (SESSION_NOUN.test(noun) && R.dissemination.test(noun.slice(0, 50)));
}
/** The words after the last number of a clause. */
const LAST_COUNT_NOUN = /\d[\d.,]*\s*([^\d]*)$/u;
/** Meetings by name: "hội nghị", "hội thảo". */
const MEETING_NOUN = rx("^(hội nghị|hội thảo)\\b");
/** Sessions, named by what they do after: "buổi tuyên truyền", "cuộc phổ biến", "đợt học tập". */
const SESSION_NOUN = rx("^(lượt )?(buổi|cuộc|đợt)\\b");
/** A trip out to the grassroots counted in turns: "240 lượt đi cơ sở", "85 lượt cán bộ xuống cơ sở". */
const TRIPS_OUT = rx("^lượt( cán bộ)?\\s+(đi|xuống|về)\\s+(cơ sở|thôn|buôn|bản|địa bàn)\\b");
/** Turns of collectives or individuals: "lượt tập thể", "lượt cá nhân"; of models or exemplars: "202 lượt mô hình, điển hình". */
const RECIPIENT_TURNS = rx("^lượt (tập thể|cá nhân|mô hình|điển hình)\\b");
/** Delegations counted right before, then "với"/"gồm": "6 đoàn đông người với ", "3 lượt đoàn gồm ". */
const DELEGATION_WITH = rx("\\d\\s*(lượt )?đoàn\\b[^,;.\\d]{0,20}\\b(với|gồm)\\s*$");
/** Turns in "lượt người", then the people of those turns: "lượt người dân với 21 người", "lượt người/35 người". */
const PEOPLE_RIGHT_AFTER = rx("^lượt người( dân)?\\s*(\\bvới\\b|\\bgồm\\b|/)\\s*(hơn |trên |gần |khoảng )?\\d[\\d.]*\\s*(người|công dân)\\b");
/** People who came to a reception desk to petition, said right after their count. */
const CAME_TO_DESK = rx("^\\s*(lượt )?(người|người dân|công dân)?\\s*(đã\\s+)?(đến|tới)\\s+(trụ sở|ban tiếp công dân|phòng tiếp công dân|địa điểm tiếp công dân|nơi tiếp công dân)[^\\d;.]{0,50}\\b(kiến nghị|phản ánh|khiếu nại|tố cáo|trình bày)");
/** A field of content right before a count: "lĩnh vực đất đai ", "các lĩnh vực khác (". */
const FIELD_BEFORE = rx("\\blĩnh vực\\b[^\\d;:]{0,40}$");
/** A label naming the people by their number: "tổng số người: ", "số người là ", "số công dân đến: ". */
const PEOPLE_LABEL = rx("^\\s*(tổng )?số (người|công dân)( được tiếp| đến)?\\s*(:|là)?\\s*$");
/** The turns at a reception desk counted before in the sentence: "Tổng số lượt tiếp: 285 lượt;". */
// Also labelled, the unit left out: "Số lượt tiếp: 35;".
const TURNS_RECEIVED_BEFORE = rx("(lượt tiếp|tiếp công dân|tiếp dân)[^.\\n]{0,40}\\d[\\d.]*\\s*lượt\\b|số lượt (tiếp|được tiếp)[^.\\n\\d]{0,20}(:|\\blà)\\s*\\d");
