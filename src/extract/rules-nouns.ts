/**
 * Pure: the indicator a figure's counted noun gives it ("vụ", "đơn", "cuộc", "đoàn", "buổi", "hội nghị", "mô hình"…), asked
 * by rules.ts once the figures that count nothing done are set apart. Written from the genre, not from any one text; the
 * passage tests are in rule-passages.ts; Dân vận khéo and awards in rules-dvk.ts; a campaign's people in rules-campaign.ts;
 * communes and schools that reached a standard in rules-standards.ts; petitions in rules-petitions.ts; people and turns
 * (reception, dialogues, audiences) in rules-people.ts; an inspectorate's inspections in rules-inspection.ts; disputes
 * mediated in rules-disputes.ts.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { dvkOrAwardFor } from "./rules-dvk.ts";
import { believersBriefed, CAMPAIGN_LABEL, campaignPeopleBy, individualsSigned } from "./rules-campaign.ts";
import { standardFor } from "./rules-standards.ts";
import { returneesBy } from "./rules-returnees.ts";
import { ownVillages } from "./rules-villages.ts";
import { teamKind, teamsHosted } from "./rules-teams.ts";
import { inspectionsCounted } from "./rules-inspection.ts";
import { oversightTimes, plannedPart, roleOnlyItem } from "./rules-oversight.ts";
import { casesMediatedInClause, disputesMediated } from "./rules-disputes.ts";
import { comradesAwarded, delegatesBriefed, LAW_TAUGHT, propagandaCounted, RESIDENTS_MEETING } from "./rules-mobilise.ts";
import { meetingNotDialogue } from "./rules-traps.ts";
import { handlingPapers, ownRight, petitionsFor, resolvedAfterNoun, resolvedInOwnClause, resolvedItem, takenUpThenDone } from "./rules-petitions.ts";
import { membersReceived, peopleOrTurnsFor } from "./rules-people.ts";
import { attended, briefing, ceremony, dialogueMeeting, docsIssued, handledAfterReception, kindSubsetOfReception, meetsPeople, proposedList, returning } from "./rule-passages.ts";

/** The indicator a figure's counted noun gives it, once the figures that count nothing and the families asked first are set apart (rules.ts). */
export function nounIndicator(f: RuleInput): string | null {
  const { unit, right, seg, before, percent, tail } = f;
  const near = seg + " " + right;
  const sentence = before + " " + tail;
  switch (unit) {
    case "vụ":
      // "Tòa án hòa giải thành 120 vụ án dân sự": a court's cases, not mediation at the grassroots.
      if (R.court.test(right) || R.court.test(before)) return null;
      // "Số vụ việc hòa giải: 45 vụ; thành: 40 vụ": items labelled after a label on mediation.
      // "… hòa giải 120 vụ việc; thành công 110 vụ": an item opened by the outcome alone, after a mediation.
      const outcomeItem = R.settledItem.test(seg) && R.hoaGiai.test(f.statement ?? "");
      if (!R.hoaGiai.test(sentence) && !(/:\s*$/.test(seg) && R.hoaGiai.test(f.statement ?? "")) && !outcomeItem) {
        // "đã giải quyết được 238/316 vụ việc" in a passage on complaints: cases resolved.
        // "64/95 vụ việc qua tiếp công dân đã được giải quyết": the verb after the cases (a reception's cases are complaints).
        const after = resolvedAfterNoun(f);
        // "giải quyết 64 vụ … và giải quyết xong 51 vụ": the first were taken up (takenUpThenDone).
        const resolved = (resolvedInOwnClause(seg) && !takenUpThenDone(f) && !R.notSettled.test(near) && !R.petitionSubset.test(near)) || after;
        // "(khiếu nại 20/22 vụ, tố cáo 18/20 vụ)" after the cases resolved: their kinds.
        return (resolved || resolvedItem(f, right)) && (R.complaint.test(f.wide + " " + sentence) || (after && R.reception.test(tail))) ? "petitions.resolved" : null;
      }
      if (R.notSettled.test(near)) return null;
      // "hòa giải thành 34 vụ", "186 vụ việc hòa giải thành công"; an item named by its label: "…; thành: 40 vụ".
      // Not the outcome of the next count after "và": "hòa giải 26 vụ và hòa giải thành 21 vụ" (ownRight).
      return R.hoaGiaiThanh.test(seg.replace(/\s*:\s*$/, "")) || R.hoaGiaiThanhRight.test(ownRight(f)) ? "mediation.successful" : "mediation.cases";
    case "đơn":
      return petitionsFor(f);
    // "hòa giải 52 mâu thuẫn, tranh chấp; thành công 47 mâu thuẫn": disputes counted by the quarrel (rules-disputes.ts).
    case "mâu thuẫn":
    case "tranh chấp":
    case "xích mích":
      return disputesMediated(f);
    case "công dân":
      if (R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) return "military.returnees";
      // "đã tiếp hơn 60 công dân": the people received.
      return R.reception.test(before) && !R.campaign.test(near) && !R.conference.test(near) ? "reception.people" : null;
    case "đồng chí":
      if (R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) return "military.returnees";
      // "Đón 45 quân nhân về địa phương, trong đó Bộ CHQS tỉnh 20 đồng chí": the returnees broken down by unit.
      if (rx("\\d\\s*(quân nhân|chiến sĩ|chiến sỹ|hạ sĩ quan)\\b[^;.]{0,80}\\b(trong đó|gồm)\\b").test(before) && R.returnees.test(sentence) && !R.recruits.test(sentence)) return "military.returnees";
      // "22 đồng chí quân nhân tại buổi lễ" under a heading on soldiers back home.
      if (rx("^đồng chí (quân nhân|hạ sĩ quan|chiến sĩ|bộ đội)").test(right) && returning(f, sentence)) return "military.returnees";
      // "… đón 45 quân nhân hoàn thành nghĩa vụ trở về địa phương. Xã Ia Sao: 12 đồng chí; xã Ia Rbol: 8 đồng chí":
      // the returnees counted by the place or the unit they come back to or from.
      // "- Theo cấp bậc: hạ sĩ 40 đồng chí, trung sĩ 80 đồng chí": or by rank.
      if (returneesBy(f, sentence)) return "military.returnees";
      // "Kỷ niệm chương … được trao cho 25 đồng chí", "tặng Giấy khen cho 12 đồng chí": people commended, named as comrades.
      // Not those attending a ceremony of commendation: "Hội nghị tổng kết, khen thưởng … có 120 đồng chí tham dự".
      // "Có 12 đồng chí được tặng Kỷ niệm chương …": or commended, said right after them (rules-mobilise.ts).
      if ((commendedBefore(f) || comradesAwarded(f)) && !R.attend.test(tail.slice(0, 40))) return "awards.individuals";
      return R.conference.test(sentence) && !R.technical.test(sentence) && R.attend.test(seg + " " + tail) ? "dissemination.attendees" : null;
    case "lượt":
    case "người":
      return peopleOrTurnsFor(f);
    case "cuộc": {
      // The noun list after the number, commas included: "14 cuộc tiếp xúc, đối thoại".
      const nouns = tail.slice(0, 40).split(/\d/)[0]!;
      // Not deputies meeting their voters: "tiếp xúc, đối thoại với cử tri được 12 cuộc".
      // Not a party cell's or the residents' meetings: "đối thoại với đảng viên tại 120 cuộc sinh hoạt chi bộ" (rules-traps.ts).
      const meeting = meetingNotDialogue(f);
      if (!meeting && (R.dialogue.test(right) || (!R.oversight.test(right) && R.dialogue.test(seg + " " + nouns))) && !R.voters.test(seg + " " + right)) return "dialogues.held";
      if (!meeting && (meetsPeople(f) || (!R.oversight.test(right) && !R.inspection.test(right) && dialogueMeeting(f)))) return "dialogues.held";
      // "Tổ chức 12 cuộc phát động quần chúng tại các buôn": a campaign's launch events, as its sessions ("buổi phát động").
      if (rx("^cuộc phát động quần chúng").test(right)) return "campaign.sessions";
      // "11 cuộc giám sát và 3 cuộc kiểm tra": the count's own noun, inspections only, outweighs a supervision named before it.
      if (OWN_INSPECTIONS.test(right) && !R.oversight.test(tail.replace(/^[\d.,\s]+/, "").split(/\d/)[0]!)) return "inspection.teams";
      if (R.oversight.test(near)) return "oversight.count";
      {
        // "phối hợp giám sát 8 cuộc, chủ trì 2 cuộc": the role only, the supervisions named before (rules-oversight.ts).
        // "Trong số này có 35 cuộc theo kế hoạch và 5 cuộc đột xuất": parts of the inspections or supervisions just counted.
        const carried = roleOnlyItem(f) ?? plannedPart(f);
        if (carried !== null) return carried;
      }
      // "Thanh tra huyện tiến hành 7 cuộc thanh tra hành chính": an inspectorate's inspections (rules-inspection.ts).
      if (R.inspection.test(near) || inspectionsCounted(f)) return "inspection.teams";
      // "tổ chức 125 cuộc họp dân để tuyên truyền, vận động …", "tuyên truyền được 154 cuộc": sessions of mobilising
      // counted in "cuộc", as in "buổi"; not a campaign itself ("3 cuộc vận động").
      // Not the law disseminated ("12 cuộc tuyên truyền, phổ biến, giáo dục pháp luật"): that is no mobilising.
      if (LAW_TAUGHT.test(right + " " + seg + " " + tail.slice(0, 40))) return null;
      return (RESIDENTS_MEETING.test(right) && R.propaganda.test(sentence)) || rx("^cuộc tuyên truyền").test(right)
        || (right === "cuộc" && rx("tuyên truyền( [^\\d,;.]{0,30})?\\s+(được\\s*)?$").test(seg))
        // "tuyên truyền cho cán bộ, hội viên … được 356 cuộc", "Tuyên truyền 120 cuộc về …" (rules-mobilise.ts).
        || propagandaCounted(f) ? "campaign.sessions" : null;
    }
    case "đoàn":
    case "đội":
      // "Tiếp 125 lượt công dân, 5 đoàn đông người": delegations received.
      // Also "số đoàn đông người 20 đoàn", and "8 đoàn gồm 178 người đến khiếu nại": delegations that came to complain.
      if (unit === "đoàn" && R.reception.test(f.statement ?? before) && (R.crowd.test(right) || R.crowd.test(before.slice(-25)) || R.delegationCame.test(tail))) return "reception.turns";
      // "Chủ tịch UBND xã tiếp định kỳ 04 đoàn với 08 công dân": delegations the verb of reception takes.
      if (unit === "đoàn" && R.receivedDelegation.test(seg) && rx("^đoàn\\s*($|với|gồm|\\()").test(right)) return "reception.turns";
      // "Tiếp và làm việc với 5 đoàn kiểm tra của cấp trên": teams received, not formed.
      if (R.hostedTeams.test(seg) || teamsHosted(f)) return null;
      // "thành lập 3 đoàn thanh tra": teams of an inspectorate (rules-inspection.ts).
      if (unit === "đoàn" && inspectionsCounted(f)) return "inspection.teams";
      {
        // The kind of team, named after the count, by a label before it or by what the teams did (rules-teams.ts).
        const kind = teamKind(f);
        if (kind !== null) return kind;
      }
      // "Công tác phát động quần chúng được quan tâm; Ban Chỉ đạo thành lập 6 đoàn công tác": the campaign said earlier in the statement.
      if (R.campaign.test(right) || ((R.campaign.test(sentence) || MASS_CAMPAIGN.test(f.statement ?? "")) && rx("công tác|phát động").test(near))) return "campaign.teams";
      return null;
    case "đợt":
      // "tổ chức 2 đợt kiểm tra", "3 đợt giám sát": rounds of inspection or supervision, named right after the count.
      if (rx("^đợt\\s+(kiểm tra)").test(right) || inspectionsCounted(f)) return "inspection.teams";
      if (rx("^đợt\\s+(giám sát|khảo sát)").test(right)) return "oversight.count";
      // "phát động 3 đợt cao điểm tấn công trấn áp tội phạm", "2 đợt thi đua": a crackdown's or an emulation's rounds.
      if (rx("^đợt\\s+(cao điểm|tấn công|trấn áp|truy quét|thi đua|ra quân)").test(right) && !MASS_CAMPAIGN.test(sentence)) return null;
      return R.campaign.test(sentence) ? "campaign.rounds" : null;
    case "lần":
      // "Bí thư Huyện ủy đối thoại 3 lần với Nhân dân": times a leader held a dialogue, as "đối thoại 3 lượt".
      // "Mặt trận giám sát 6 lần": times of supervising (rules-oversight.ts).
      return R.dialogue.test(near) && !R.voters.test(near) ? "dialogues.turns" : oversightTimes(f);
    case "trường hợp":
      // "hòa giải 11 trường hợp mâu thuẫn gia đình, thành công 10 trường hợp": cases of a mediation said in their own clause.
      if (casesMediatedInClause(f)) return disputesMediated(f);
      // "tiếp 25 trường hợp công dân", "tiếp công dân 12 trường hợp", "tiếp 25 trường hợp đến khiếu nại": each case received is a turn at the desk.
      return R.reception.test(before) && rx("^trường hợp(\\s+(công dân|người dân|dân)\\b|\\s*$|\\s*[,.;)]|\\s+đến\\b)").test(right)
        && !R.campaign.test(near) && !R.conference.test(near) && !handledAfterReception(f) && !kindSubsetOfReception(f) ? "reception.turns" : null;
    case "buổi": {
      if (dialogueMeeting(f)) return "dialogues.held";
      // "02 buổi giám sát tại UBND xã": sessions of supervising (rules-oversight.ts).
      const supervised = oversightTimes(f);
      if (supervised !== null) return supervised;
      // "Cán bộ Ban Dân vận xuống cơ sở 85 buổi", "45 buổi đi cơ sở nắm tình hình": sessions out at the grassroots.
      if (R.outreach.test(near) || rx("\\b(xuống|đi) cơ sở\\s*(được\\s*)?$").test(seg) || rx("^buổi (xuống|đi) cơ sở").test(right)) return "outreach.sessions";
      // "tham gia 42 buổi hòa giải", "80 buổi sinh hoạt câu lạc bộ", "tiếp công dân được 36 buổi": sessions of another
      // activity, named in the words right after the count or by the verb right before it, no propaganda among those.
      if ((OTHER_SESSIONS.test(right) || OTHER_ACTIVITY_BEFORE.test(seg)) && !R.propaganda.test(seg.replace(/^.*\d[\d.,/]*/su, "") + " " + tail.slice(0, 60).split(/\d/)[0]!)) return null;
      // "Số đợt phát động: 4; số buổi: 120": bare sessions in a later clause of a statement on a campaign (not an emulation's).
      return R.propaganda.test(sentence) || (rx("^buổi\\s*$").test(right) && R.campaign.test(f.statement ?? "") && !EMULATION_LAUNCHED.test(f.statement ?? "")) ? "campaign.sessions" : null;
    }
    case "diễn đàn":
      // "12 diễn đàn đối thoại giữa lãnh đạo địa phương với đoàn viên, thanh niên": forums of dialogue are dialogues held.
      return dialogueMeeting(f) && !R.voters.test(near) ? "dialogues.held" : null;
    case "hội nghị":
      if (dialogueMeeting(f)) return "dialogues.held";
      // "Tổ chức 04 hội nghị phát động quần chúng", "… phát động phong trào toàn dân bảo vệ an ninh Tổ quốc": a campaign's launch meetings are its sessions.
      if (right.search(R.launchMeeting) === 0) return "campaign.sessions";
      // Training in techniques ("hội nghị tập huấn kỹ thuật trồng cà phê") disseminates no policy.
      return R.dissemination.test(sentence) && !R.technical.test(sentence) ? "dissemination.conferences" : null;
    case "mô hình":
    case "điển hình":
    case "gương":
    case "tập thể":
    case "cá nhân":
      // "Phát động phong trào … có 85 cá nhân ký cam kết": individuals who signed a campaign's commitment (rules-campaign.ts).
      if (unit === "cá nhân" && individualsSigned(f)) return "campaign.participants";
      return dvkOrAwardFor(f);
    case "sản phẩm":
      // "Năm 2024 có 8 sản phẩm được công nhận đạt 3 sao": products rated in stars are OCOP's.
      return R.ocop.test(sentence) || rx("^[^.;]{0,50}\\bđạt\\s*\\d\\s*sao\\b").test(tail) ? "ocop.products" : null;
    case "xã":
    case "trường":
    case "đơn vị":
      return standardFor(f);
    case "quân nhân":
    case "hạ sĩ quan":
    case "chiến sĩ":
    case "binh sĩ":
    case "binh nhất":
    case "binh nhì":
    case "hạ sĩ":
    case "trung sĩ":
    case "thượng sĩ":
      return R.returnees.test(sentence) || returning(f, sentence) ? "military.returnees" : null;
    default:
      // "hỗ trợ 25 hộ nghèo làm nhà đại đoàn kết": the houses, counted by the households that got them (read
      // again in read-figures.ts: not when the same houses are counted as houses beside it).
      // "Hỗ trợ 6 gia đình xây dựng nhà đại đoàn kết": or by the families.
      if ((unit === "hộ" || unit === "gia đình") && (R.householdHouse.test(near + " " + tail.slice(0, 60)) || R.houseForHouseholds.test(before))) return "contrib.houses";
      // "tặng Bằng khen cho 51 già làng, trưởng thôn, cá nhân tiêu biểu": people commended named by their role
      // (a commendation said before them in the sentence; not a proposal, not a gift).
      // "06 giấy khen tập thể", "3 bằng khen cho cá nhân": certificates counted by who received them.
      // Not certificates for both together, after the clause's comma: "16 giấy khen cho các tập thể, cá nhân".
      const to = R.awardRecipient.exec(right);
      if (to && R.awardBoth.test(tail.slice(0, 80))) return null;
      if (to) return rx("tập thể").test(to[4]!) ? "awards.collectives" : "awards.individuals";
      if (unit !== null && R.awardees.has(unit) && commendedBefore(f)) return "awards.individuals";
      // "tiếp 30 hội viên, nông dân đến kiến nghị": members received at the desk are the people received.
      if (membersReceived(f)) return "reception.people";
      if (unit === "tổ" && R.inspection.test(right)) return "inspection.teams";
      // "thành lập 12 tổ công tác phát động quần chúng": a campaign's teams.
      // "Phát động quần chúng: thành lập 05 tổ công tác": or under a label naming the campaign.
      if (unit === "tổ" && rx("^tổ (công tác|công tác dân vận)\\b").test(right) && (R.campaign.test(right) || R.campaign.test(tail.slice(0, 60)) || MASS_CAMPAIGN.test(f.statement ?? ""))) return "campaign.teams";
      if (unit === "tổ" && R.oversight.test(right) && !R.hoaGiai.test(right)) return "oversight.teams";
      // A campaign's people named by who they are (rules-campaign.ts): "thu hút 2.500 tín đồ tham gia", "… với 450 chi hội
      // trưởng", "3.500 hộ ký cam kết".
      // Owners too, named by what they own: "767 chủ phương tiện đã ký cam kết".
      // "6 hội nghị tuyên truyền … cho 420 chức sắc, chức việc": or the audience of a dissemination meeting (believersBriefed).
      if (unit !== null && (R.campaignPeople.has(unit) || unit.startsWith(keyOf("chủ ")))) { const key = campaignPeopleBy(f) ? "campaign.participants" : believersBriefed(f) ? "dissemination.attendees" : null; if (key) return key; }
      // "158 thanh niên hoàn thành nghĩa vụ quân sự trở về địa phương": soldiers back home named as young men.
      if (unit !== null && R.soldiers.has(unit) && R.returnees.test(sentence) && R.served.test(sentence) && !R.recruits.test(sentence)) return "military.returnees";
      // "hội nghị quán triệt … có 161/201 đại biểu tham dự": the people who attended a briefing, named by who they are.
      if (unit !== null && R.attendees.has(unit) && R.conference.test(sentence) && briefing(f, sentence) && !R.technical.test(sentence) && !R.dialogue.test(sentence) && !R.voters.test(sentence) && !ceremony(sentence)
        && !(R.periodic.test(sentence) && R.withPeople.test(sentence)) && attended(f)) return "dissemination.attendees";
      // "02 hội nghị tập huấn công tác dân vận cho 320 đại biểu": those the meeting was held for (rules-mobilise.ts).
      if (unit !== null && R.attendees.has(unit) && delegatesBriefed(f)) return "dissemination.attendees";
      // "715 tổ hòa giải", "31 tổ liên kết": teams, not residential groups ("45 tổ, 168 thôn").
      if (unit === "tổ" && right !== "tổ") return null;
      // "214 tổ, hội nông dân nghề nghiệp", "12 tổ, nhóm phụ nữ": groups listed with associations, not residential groups.
      if (unit === "tổ" && GROUPS_LISTED.test(tail)) return null;
      if (unit !== null && R.villages.has(unit)) {
        // "Phát động quần chúng: 2 đợt; 36 buổi; 28/30 thôn, buôn": or an item of a statement opened by a label naming it.
        if (R.campaign.test(sentence) || CAMPAIGN_LABEL.test(f.statement ?? "")) return "campaign.villages_reached";
        return (R.total.test(seg) || ownVillages(f)) && !percent && !f.pair ? "villages.total" : null;
      }
      if (unit !== null && R.docs.has(unit)) {
        // "ban hành 9 văn bản hướng dẫn công dân", "36 kết luận thanh tra": papers of handling petitions or inspections (rules-petitions.ts).
        return docsIssued(f) && !handlingPapers(f) ? "docs.issued" : null;
      }
      return null;
  }
}


/** A commendation said before the people it counts in the sentence: not a proposal, not a gift. */
function commendedBefore(f: RuleInput): boolean {
  const award = R.commended.exec(f.before);
  return award !== null && !R.proposal.test(f.before.slice(Math.max(0, award.index - 40), award.index)) && !proposedList(f)
    && !R.gift.test(f.before.slice(award.index) + " " + f.tail.slice(0, 30));
}

/** Sessions of an activity other than propaganda, named after "buổi": "buổi hòa giải", "buổi sinh hoạt câu lạc bộ", "buổi tiếp dân". */
const OTHER_SESSIONS = rx("^buổi (hoà giải|sinh hoạt|tập huấn|tiếp (công )?dân|trợ giúp pháp lý|khám)\\b");
/** The verb of another activity right before the sessions: "tiếp công dân được ", "tham gia hòa giải ". */
const OTHER_ACTIVITY_BEFORE = rx("(tiếp công dân|tiếp dân|hoà giải|trợ giúp pháp lý)\\s*(được\\s*)?$");
/** A bare "tổ" listed with associations or groups right after it: "tổ, hội nông dân", "tổ, nhóm", "tổ, câu lạc bộ". */
const GROUPS_LISTED = rx("^\\s*tổ\\s*,\\s*(hội|chi hội|nhóm|câu lạc bộ|clb|đội|hợp tác xã)\\b");
/** An emulation launched ("phát động phong trào thi đua"), no mass campaign. */
const EMULATION_LAUNCHED = rx("phát động[^.;\\d]{0,20}\\bthi đua\\b");
/** A mass mobilisation campaign named as such, not a crackdown or an emulation launched. */
const MASS_CAMPAIGN = rx("(phát động|vận động) quần chúng");
/** A count of "cuộc" whose own noun is inspections alone: "3 cuộc kiểm tra", "3 cuộc KT" (not "cuộc kiểm tra, giám sát"). */
const OWN_INSPECTIONS = rx("^cuộc (kiểm tra|kt)\\b(?!-)");

