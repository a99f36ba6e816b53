/**
 * Pure: the level a text speaks from (see scope-unit.ts), read from the organs it names ("Huyện ủy", "UBND tỉnh",
 * "Ban Dân vận Tỉnh ủy"), less those of the clauses that are another body's: a document cited, the guests, a visiting
 * delegation, a venue, a donor, an organ commending from above, the units a new one was made of, a contest's name, an
 * example, a council of deputies, the recipients of a document, a person's title, a portal's name line, and organs named
 * in the plural. Also whether a city speaks ("Thành ủy", "UBND thành phố", "toàn thành phố").
 */
import { type Level } from "./scope-types.ts";
import { LEVEL_WORDS, CITY_WORDS, countMatches, bareLevelCountsBy } from "./scope-units.ts";
import { inPublisher } from "./scope-headline.ts";
import { wholeLevels } from "./scope-whole.ts";
import { inTitle, inCitation, inGuests, inVisitors, inDonors, inCommenders, inVenue, inPredecessors, inEventNames, inExamples, inDeputiesCouncils, inRecipients } from "./scope-clauses.ts";

/** "các", "những", "mỗi", "từng" or a number before an organ, or before a list of the level's kinds ("các huyện, thị, thành ủy"). */
const PLURAL_BEFORE = /(?:^|[^\p{L}\p{M}])(?:các|những|mỗi|từng|\d+)\s+(?:(?:huyện|thị|thành|quận|tỉnh|xã|phường)(?:\s+[uủ][ỷy])?\s*,\s*)*(?:và\s+)?$/iu;

/** What the organs a text names say of the level it speaks from, and the clauses whose organs and places count less. */
export interface Speaker {
  /** The key's head, the part every count reads. */
  head: string;
  level: Level | null;
  /** The weight of the organs of `level`. */
  best: number;
  /** The organs of `level` named with it ("Huyện ủy", "UBND huyện"), not bare ("Hội Nông dân huyện"), outside the clauses cited. */
  spoken: number;
  /** A city's organs outweigh the level's outside the guests' titles. */
  citySpeaks: boolean;
  /** In a document cited, the guests', a visiting delegation's or a venue's clause. */
  cited: (at: number) => boolean;
  /** In a donor's, a commender's, a predecessor's, an event's, an example's, a council's or a recipient's clause. */
  donors: (at: number) => boolean;
  /** In the list of the units a new one was made of. */
  merged: (at: number) => boolean;
}

/** Reads the level `text` (NFC; `key` its folded form) speaks from. */
export function speakingLevel(text: string, key: string): Speaker {
  // The level the text speaks from: the organs it names (Huyện ủy, UBND tỉnh…).
  const head = key.length > 200_000 ? key.slice(0, 200_000) : key;
  let level: Level | null = null;
  let best = 0;
  // The organs and places in the citation of a document ("Thực hiện Kế hoạch số 24-KH/BDVTU của Ban Dân vận Tỉnh
  // ủy Bắc Giang") are often another body's than the reporting unit's: they count half, for the level and the unit.
  // The guests of a meeting ("Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy") count half in the same way.
  const citation = inCitation(head);
  const guests = inGuests(head);
  // A visiting delegation's organ ("đoàn công tác Ủy ban MTTQ tỉnh làm việc với Ủy ban MTTQ xã A") counts half as well.
  const visitors = inVisitors(head);
  // The venue of a meeting ("Sáng 28/6, tại Huyện ủy A, Ban Dân vận Tỉnh ủy tổ chức…") is where it met, not who met.
  const venue = inVenue(head);
  const cited = (at: number) => citation(at) || guests(at) || visitors(at) || venue(at);
  const uncited = (at: number) => !cited(at);
  // A donor in its giving clause ("tiếp nhận 300 tấn gạo do Ủy ban MTTQ tỉnh A hỗ trợ"; a headline that opens with the
  // giver when the lead has the receipt) does not speak, and its places count a quarter: the receiver reports. So does
  // an organ that commends from above ("được Ban Dân vận Tỉnh ủy biểu dương"): the unit whose people it commends reports.
  const gives = inDonors(head);
  const commends = inCommenders(head);
  const merged = inPredecessors(head); // the units a new one was made of ("trên cơ sở sáp nhập xã A") do not speak; named, they weigh next to nothing
  const event = inEventNames(head); // nor does a unit in a contest's name ("Hội thi hòa giải viên giỏi huyện A")
  const example = inExamples(head); // nor one singled out as an example ("Điển hình như huyện A", "huyện A là điểm sáng")
  const council = inDeputiesCouncils(head); // nor the council of deputies meeting voters ("đại biểu HĐND tỉnh", "kỳ họp thứ 8 HĐND huyện")
  const sentTo = inRecipients(head); // nor the bodies a document is sent to ("Nơi nhận:\n- Ban Dân vận Tỉnh ủy;", "Kính gửi: …")
  const donors = (at: number) => gives(at) || commends(at) || merged(at) || event(at) || example(at) || council(at) || sentTo(at);
  const donor = (at: number) => donors(at) && !cited(at);
  const body = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // Organs named bare: all, those in the clauses cited, those in the donors' (one pass over the body).
  const bareBy = bareLevelCountsBy(body, head, [undefined, uncited, (at) => !donor(at)]);
  const [bare, bareCited, bareDonor] = [bareBy[0]!, bareBy[1]!, bareBy[2]!];
  // The same count without the organs of the guests' titles ("Tham dự có Trưởng ban Dân vận Tỉnh ủy"): a provincial
  // guest at a city's conference does not outweigh the city's own organs.
  const titled = inTitle(head);
  let bestUntitled = 0;
  // The organ in a portal's name line ("Banner Tỉnh ủy Nghệ An") publishes the page: it does not speak in it.
  const publisher = inPublisher(head);
  // Organs named in the plural ("các huyện ủy, thành ủy", "Trưởng Ban Dân vận các Huyện ủy") are those the text speaks
  // to or of, not its own: a province's meeting with its districts' committees.
  const plural = (at: number) => PLURAL_BEFORE.test(head.slice(Math.max(0, at - 60), at));
  // "Mặt trận cấp huyện tổ chức …", "MTTQ các cấp trong tỉnh": the levels below as a whole are the level's subject.
  const whole = wholeLevels(body, head, cited);
  let spoken = 0; // the organs of the level read that are named with it ("Huyện ủy", "UBND huyện"), not bare ("Hội Nông dân huyện")
  for (const [lv, re] of LEVEL_WORDS) {
    const n = whole[lv] + countMatches(re, head) - countMatches(re, head, 200, uncited) / 2 - countMatches(re, head, 200, (at) => !(publisher(at) || donor(at) || plural(at)) || cited(at))
      - countMatches(re, head, 200, (at) => !(plural(at) && cited(at))) / 2
      + (bare[lv] - bareCited[lv] / 2 - bareDonor[lv]) / 2
      // An organ in a person's title ("Phó Bí thư Tỉnh ủy A phát biểu chỉ đạo") counts half, as a guest's does.
      - countMatches(re, head, 200, (at) => !titled(at) || cited(at) || publisher(at) || donor(at) || plural(at)) / 2;
    if (n > best) { best = n; level = lv; spoken = whole[lv] + countMatches(re, head, 200, cited); }
    bestUntitled = Math.max(bestUntitled, n - countMatches(re, head, 200, (at) => !titled(at)));
  }
  // "Thành ủy", "UBND thành phố", "toàn thành phố": a city speaks, whose level is the city's own (a
  // district, or a province for Hà Nội, Đà Nẵng…); it is read once the city named is known. The city's organs in a
  // person's title ("Phó Chủ tịch Ủy ban MTTQ Việt Nam thành phố", heading a visiting delegation) do not speak, nor
  // the city's council or committee whose document is cited ("Nghị quyết số 11 của HĐND Thành phố" in a district's text).
  const citySpeaks = countMatches(CITY_WORDS, head, 200, (at) => titled(at) || plural(at) || council(at) || citation(at)) > bestUntitled;
  return { head, level, best, spoken, citySpeaks, cited, donors, merged };
}
