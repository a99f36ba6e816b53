/**
 * Pure: the kind of a team counted bare ("04 đoàn"), from what the team did said right after it or from the label
 * that opens its statement: inspection (inspection.teams) or supervision and survey (oversight.teams). Written from
 * the genre (reports on Quy chế dân chủ ở cơ sở and its Law), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/** The key of a count of teams whose kind is named (after it, by a label before it, or by what they did), else null. */
export function teamKind(f: RuleInput): string | null {
  // "- Số đoàn kiểm tra: 3 đoàn": the kind of team named by the label, the count bare after it.
  const named = rx("^(đoàn|đội)\\s*$").test(f.right.trim()) && TEAM_LABEL.test(f.seg) ? f.seg.slice(f.seg.search(TEAM_LABEL)) : f.right;
  if (R.oversight.test(named)) return "oversight.teams";
  if (R.inspection.test(named)) return "inspection.teams";
  return bareTeamKind(f);
}

/**
 * Teams of another organ received at the unit, the verb of receiving right before them: "Tiếp 3 đoàn kiểm tra của cấp
 * trên", "tiếp và làm việc với 2 đoàn giám sát": hosted, not formed (a petition desk's delegations are read before).
 */
export function teamsHosted(f: RuleInput): boolean {
  return HOSTING.test(f.seg) && HOSTED_KIND.test(f.right);
}
const HOSTING = rx("(?<!(trực|gián) )\\btiếp\\s*(nhận\\s*)?$");
const HOSTED_KIND = rx("^đoàn\\s+(kiểm tra|thanh tra|giám sát|khảo sát|công tác)\\b");

/** The key of a bare count of teams whose kind is said around it, else null. */
function bareTeamKind(f: RuleInput): string | null {
  if (!BARE_TEAM.test(f.right) && !(TEAM_THEN_WHERE.test(f.right) && VERB_BEFORE.test(f.seg))) return null;
  // "Thành lập 04 đoàn, kiểm tra tại 12 xã": what the teams did, right after them.
  const did = DID_AFTER.exec(f.tail);
  // "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở: thành lập 02 đoàn": the label of the statement, the teams formed.
  const statement = f.statement ?? "";
  const label = FORMED.test(f.seg) ? LABEL.exec(statement.slice(0, Math.max(0, statement.lastIndexOf(":")))) : null;
  // "Công tác kiểm tra\nBan Thường vụ … thành lập 2 đoàn": the kind said before the forming in the clause (a heading's words
  // come first in it when the sentence alone gives no key).
  // "Ban Thường vụ kiểm tra 5 đoàn": the verb of the work right before the teams.
  const kind = did?.[1] ?? label?.[1] ?? KIND_THEN_FORMED.exec(f.seg)?.[1] ?? VERB_BEFORE.exec(f.seg)?.[1];
  if (kind === undefined) return null;
  return R.inspection.test(kind) ? "inspection.teams" : "oversight.teams";
}

/** A team counted with no kind after it: "04 đoàn", "3 đoàn,". */
const BARE_TEAM = rx("^đoàn\\s*$");
const DID_AFTER = rx("^\\s*đoàn\\s*,?\\s*(?:để\\s+)?(?:tiến hành\\s+|đi\\s+)?(kiểm tra|giám sát|khảo sát)\\b");
/** The verb of the work right before the count of teams: "kiểm tra 5 ", "giám sát được 3 ". */
const VERB_BEFORE = rx("\\b(kiểm tra|giám sát|khảo sát)\\s*(được\\s*)?$");
/** A team counted with no kind, then where or on what: "đoàn tại các xã", "đoàn về công tác dân vận". */
const TEAM_THEN_WHERE = rx("^đoàn\\s+(tại|về|ở|đối với|trên)\\b");
/** The kind of work, then the teams formed for it, in one clause: "kiểm tra … thành lập ". */
const KIND_THEN_FORMED = rx("\\b(kiểm tra|giám sát|khảo sát)\\b[^\\d;.]{0,80}\\b(thành lập|lập)\\s*(được\\s*)?$");
const FORMED = rx("(thành lập|tổ chức|lập)\\s*(được\\s*)?$");
const LABEL = rx("^\\s*[-+•*]?\\s*(?:công tác\\s+)?(kiểm tra|giám sát|khảo sát)\\b[^:]{0,120}$");
/** A label naming teams by their kind before their bare count: "Số đoàn kiểm tra: ", "số đoàn giám sát là ". */
const TEAM_LABEL = rx("\\b(đoàn|đội)\\s+(kiểm tra|giám sát|khảo sát)[^\\d:]{0,40}(:|\\blà)\\s*$");
