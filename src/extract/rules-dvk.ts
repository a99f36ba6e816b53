/**
 * Pure: the indicator of a count of Dân vận khéo models and exemplars, and of collectives and individuals (exemplars
 * by who they are, or awards), by the noun a figure counts (rules.ts hands these nouns here). Written from the genre,
 * not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { surveyedModels } from "./rules-mobilise.ts";
import { bareUnderDvkHeading, dvkBefore, dvkContext, dvkRecognisedUnder, proposedList, sectionHeading } from "./rule-passages.ts";

/** The key of a count of models, exemplars, collectives or individuals; null when its context does not clearly say. */
export function dvkOrAwardFor(f: RuleInput): string | null {
  const { unit, right, seg, before, tail } = f;
  const sentence = before + " " + tail;
  // "Ban Dân vận Tỉnh ủy khảo sát 12 mô hình “Dân vận khéo”": models visited to be checked, not models built.
  if ((unit === "mô hình" || unit === "điển hình") && surveyedModels(f)) return null;
  switch (unit) {
    // "… mô hình Dân vận khéo. Toàn huyện có 48 mô hình được công nhận": a bare count after a sentence naming it.
    case "mô hình":
      if (dvkContext(f) || ((dvkBefore(f) || R.dvk.test(sectionHeading(f) ?? "")) && R.bareModels.test(right))) return "dvk.models";
      // "có 35 mô hình, điển hình tiêu biểu được biểu dương" in a passage on Dân vận khéo: the pair is its models.
      // "xây dựng 125 mô hình “Dân vận khéo” …; công nhận 48 mô hình cấp huyện, 12 mô hình cấp tỉnh": recognised by level,
      // in a sentence that named them before.
      if (rx("^mô hình cấp (huyện|tỉnh|xã|cơ sở|thành phố|thị xã)\\b").test(right) && R.dvk.test(f.statement ?? before)) return "dvk.models";
      if (rx("^\\s*mô hình,? (và )?điển hình(?! tiên tiến)").test(tail) && R.dvk.test(f.wide.slice(-400))) return "dvk.models";
      // "… trở thành mô hình, điển hình “Dân vận khéo” … đến nay đã xây dựng 59 mô hình trên các lĩnh vực": models
      // over the fields of life in a paragraph about Dân vận khéo models, named earlier than the sentence before.
      return R.modelsInFields.test(right) && R.modelsBuilt.test(seg) && R.dvkModelsPassage.test(f.paragraph ?? "") ? "dvk.models" : null;
    case "điển hình":
    case "gương":
      // "15 điển hình tiên tiến": the emulation movement's advanced exemplars, not Dân vận khéo's (unless named as its:
      // "30 điển hình tiên tiến trong phong trào Dân vận khéo").
      if (rx("^điển hình tiên tiến").test(right) && !R.dvk.test(right)) return null;
      // "tuyên dương 40 gương điển hình tiên tiến" after a passage on Dân vận khéo: the examples of another movement,
      // commended (below), not its exemplars.
      const advanced = rx("^(tấm )?gương điển hình tiên tiến").test(right) && !R.dvk.test(right);
      // "Hội nghị biểu dương điển hình “Dân vận khéo” … tuyên dương 22 gương mặt tiêu biểu": commended in its passage.
      // "4. Phong trào thi đua “Dân vận khéo”\n…\nVề điển hình: có 36 điển hình, …": counted bare under a section heading naming it.
      if (!advanced && (dvkContext(f) || (dvkBefore(f) && R.bareModels.test(right)) || (R.commended.test(seg) && R.dvk.test(f.wide.slice(-400)))
        || (R.bareModels.test(right) && R.dvk.test(sectionHeading(f) ?? "")))) return "dvk.exemplars";
      // "biểu dương, khen thưởng 32 gương điển hình tiên tiến", "biểu dương 25 gương người tốt": examples ("gương", people)
      // commended are awarded; not when broken down into collectives and individuals ("60 tấm gương …, trong đó 25 tập thể").
      if (rx("^[^\\d]{0,60}\\d[\\d.]*\\s*tập thể").test(tail)) return null;
      return rx("^(tấm )?gương\\b").test(right) && R.commended.test(seg) && !R.proposal.test(seg) && !proposedList(f) && !R.gift.test(seg) ? "awards.individuals" : null;
    case "tập thể":
    case "cá nhân": {
      if (R.together.test(tail.trimStart())) return null;
      // "đề nghị … công nhận 95 mô hình, điển hình (trong đó có 80 tập thể và 15 cá nhân)": a proposed count's breakdown.
      const opener = BREAKDOWN_OPENER.exec(before);
      if (opener && R.proposedBefore.test(before.slice(0, opener.index))) return null;
      if (f.breakdown) {
        // "công nhận 55 mô hình (29 tập thể, 26 cá nhân)": the models (or exemplars) counted by who they are;
        // other breakdowns in parentheses are left to the count they break down.
        // "khen thưởng 20 tập thể, cá nhân (12 tập thể, 8 cá nhân)": the awards by recipient.
        const open = before.lastIndexOf("(");
        const counted = before.slice(Math.max(0, open - 60), open).split(/\d/).pop() ?? "";
        const award = R.award.exec(before.slice(0, open));
        if (rx("^\\s*(tập thể|cá nhân)\\b").test(counted)) {
          if (!award || R.proposal.test(before.slice(Math.max(0, award.index - 40), award.index))) return null;
          return unit === "tập thể" ? "awards.collectives" : "awards.individuals";
        }
        // "biểu dương 18 điển hình (07 tập thể, 11 cá nhân)" in a passage on Dân vận khéo: as the count they break down.
        const whole = before.slice(Math.max(0, open - 80), open);
        if (!dvkContext(f) && !(R.commended.test(whole) && R.dvk.test(f.wide.slice(-400)))) return null;
        if (rx("mô hình").test(counted)) return "dvk.models";
        return rx("điển hình").test(counted) ? "dvk.exemplars" : null;
      }
      // The award may come at the end of a sentence longer than `tail` reaches: "… được UBND huyện khen thưởng".
      const here = R.award.exec(sentence);
      const later = here ? null : R.awardedLater.exec(f.rest);
      // "trao Giấy khen cho 11 tập thể, 21 cá nhân …; và 11 tập thể, 11 cá nhân …": a clause opened by "và" goes on with
      // the award of the clause before.
      const opened = (f.statement ?? "").slice(0, Math.max(0, (f.statement ?? "").length - before.length));
      // "Khen thưởng 25 tập thể, 30 cá nhân …; 10 tập thể, 5 cá nhân trong …": so does a clause after ";" that opens
      // with a bare list of them, when the clause before counted the awardees.
      const listed = CLAUSE_LIST.test(before) && AWARDEES_BEFORE.test(opened);
      const carried = here || later || !(rx("^\\s*và\\b").test(before) || listed) ? null : R.award.exec(opened);
      const award = here ?? later ?? carried;
      const proposed = proposedList(f) || (carried !== null && R.proposal.test(opened.slice(Math.max(0, carried.index - 40), carried.index)))
        || (here ? R.proposal.test(sentence.slice(Math.max(0, here.index - 40), here.index)) : later !== null && R.proposal.test(later[0]));
      // "Tặng Giấy khen cho 12 tập thể, 9 cá nhân. Trong đó, điển hình “Dân vận khéo” 6 tập thể, 4 cá nhân": a part of those awarded.
      if (!award && !proposed && AWARDED_BREAKDOWN.test(f.wide.slice(-300)) && !proposedList(f)) return unit === "tập thể" ? "awards.collectives" : "awards.individuals";
      if (!award || proposed) {
        // "Trong đó, có 12 tập thể và 9 cá nhân" under a heading on Dân vận khéo exemplars or models:
        // the exemplars (or models) counted by who they are.
        // "… phong trào Dân vận khéo. Có 15 tập thể và 20 cá nhân được công nhận là điển hình": said after it.
        // "Về điển hình Dân vận khéo\nCó 12 tập thể và 9 cá nhân được công nhận": recognised under a heading naming them.
        const recognised = dvkBefore(f) && rx("(công nhận|là)\\s+(mô hình|điển hình)").test(tail);
        // "Về mô hình Dân vận khéo\nCó 15 tập thể và 7 cá nhân.": counted bare right under a heading naming them.
        const heading = recognised ? null : bareUnderDvkHeading(f);
        const underHeading = !recognised && (dvkRecognisedUnder(f) || heading !== null);
        // "Bình chọn 21 điển hình, gồm 12 tập thể, 9 cá nhân" in a passage on Dân vận khéo: the count broken down.
        const broken = award ? null : R.brokenDown.exec(before);
        if (broken && (dvkContext(f) || R.dvk.test(f.wide.slice(-400)))) return rx("^điển hình").test(broken[1]!) ? "dvk.exemplars" : "dvk.models";
        // "có 60 tập thể và 75 cá nhân đăng ký xây dựng mô hình, điển hình “Dân vận khéo”": registrants, not exemplars.
        if (!recognised && R.registered.test(tail.split(/[,;.:]/)[0]!.slice(0, 40))) return null;
        // "… công nhận 65 điển hình, có 40 tập thể và 25 cá nhân", "… 48 mô hình. Có 30 tập thể …": right after the count.
        const follows = FOLLOWS_COUNT.test(f.wide.slice(-200)) && R.dvk.test(f.wide.slice(-400));
        if (award || !dvkContext(f) && !(R.dvk.test(f.wide.slice(-300)) && R.breakdown.test(before)) && !recognised && !underHeading && !follows) return null;
        // "86 mô hình, điển hình … được công nhận, trong đó có 60 tập thể và 26 cá nhân": the count they break down, the
        // last one before them, gives the key (models and exemplars counted together are models); none counted before
        // ("… được công nhận là điển hình"): what the passage names.
        // Named right after them ("có 12 tập thể và 9 cá nhân điển hình"): that name.
        const named = NAMED_AFTER.exec(tail.split(/[;.:]/)[0]!)?.[1];
        const counted = recognised ? null : named ?? lastCounted(heading ?? before) ?? (R.breakdown.test(before) || underHeading || follows ? lastCounted(f.wide.slice(-300)) : null);
        if (counted !== null) return counted === "điển hình" ? "dvk.exemplars" : "dvk.models";
        const scope = heading ?? before + " " + tail + " " + (R.breakdown.test(before) || underHeading ? f.wide.slice(-300) : "");
        // "Mô hình, điển hình “Dân vận khéo” cấp tỉnh: 15 tập thể, 6 cá nhân": named together, they are models.
        if (rx("điển hình").test(scope) && !rx("mô hình(,| và| hoặc)? điển hình").test(scope)) return "dvk.exemplars";
        return rx("mô hình").test(scope) ? "dvk.models" : null;
      }
      const clause = before.slice(before.lastIndexOf(";") + 1) + " " + tail.split(";")[0];
      if (R.emulationTitle.test(clause) && !R.commended.test(clause) && !R.awardForm.test(clause)) return null;
      return unit === "tập thể" ? "awards.collectives" : "awards.individuals";
    }
    default:
      return null;
  }
}

/** A count of models or exemplars, counted in turns or not: "86 mô hình", "202 lượt mô hình", "34 điển hình". */
// Also labelled before a bare count: "Số mô hình, điển hình được công nhận: 21".
const COUNT_NOUN = new RegExp(rx("\\d[\\d.]*\\s*(?:lượt\\s+)?(mô hình|điển hình)|\\bsố (?:lượng )?(mô hình|điển hình)\\b[^\\d;]{0,80}\\d").source, "gu");
/** The noun of the last count of models or exemplars in `s` (bounded text), null when none is counted there. */
function lastCounted(s: string): string | null {
  let noun: string | null = null;
  for (const m of s.matchAll(COUNT_NOUN)) noun = (m[1] ?? m[2])!;
  return noun;
}
/** A clause after ";" that opens with this count, or with the collectives right before it: "; ", "; 10 tập thể, ". */
const CLAUSE_LIST = rx("^\\s*(\\d[\\d.]*\\s*(tập thể|cá nhân|tt|cn)\\s*(,|và)\\s*)?$");
/** The clause before, ended by ";", that counted collectives or individuals awarded: "khen thưởng 25 tập thể … ;". */
/** (Also written short, as unit-abbr.ts reads them: "Khen thưởng: 08 TT; 15 CN".) */
const AWARDEES_BEFORE = rx("\\d[\\d.]*\\s*(tập thể|cá nhân|tt|cn)\\b[^;.]{0,160};\\s*$");
/** Models or exemplars named right after the collectives and individuals counted: "12 tập thể và 9 cá nhân điển hình". */
const NAMED_AFTER = rx("^\\s*(?:tập thể|cá nhân)(?:\\s*(?:,|và)\\s*\\d[\\d.]*\\s*(?:tập thể|cá nhân))?\\s+(mô hình|điển hình)\\b");
/** The last opening of a breakdown in the sentence: "(", "trong đó", "gồm". */
const BREAKDOWN_OPENER = rx("(\\(|\\btrong đó\\b|\\bgồm\\b)[^(]*$");
/** Collectives and individuals counted right after a count of models or exemplars: "65 điển hình, có ", "48 mô hình. Có 30 tập thể và ". */
const FOLLOWS_COUNT = rx("\\d[\\d.]*\\s*(lượt\\s+)?(mô hình|điển hình)[^\\d.;]{0,60}[,.]\\s*(có|gồm)\\s*(\\d[\\d.]*\\s*(tập thể|cá nhân)\\s*(,|và)\\s*)?$");
/** The sentence before counted collectives or individuals awarded, this one breaks them down: "… Giấy khen cho 12 tập thể, 9 cá nhân. Trong đó, … ". */
const AWARDED_BREAKDOWN = rx("(khen thưởng|bằng khen|giấy khen|biểu dương|tuyên dương)[^.;]{0,80}\\d[\\d.]*\\s*(tập thể|cá nhân)[^.;]{0,60}\\.\\s*trong đó\\b[^.;\\d]{0,80}(\\d[\\d.]*\\s*(tập thể|cá nhân)\\s*(,|và)\\s*)?$");
