/**
 * Pure: the indicator of what the people contributed (money, land, labour, trees, houses), by the noun a
 * figure counts; undefined for other nouns (rules.ts reads those). Written from the genre, not from any one text.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/** The contribution a figure counts, null when its context does not clearly say, undefined for other nouns. */
export function contribFor(f: RuleInput): string | null | undefined {
  const { unit, right, seg, before, percent, tail } = f;
  const near = seg + " " + right;
  const sentence = before + " " + tail;
  if (percent) return undefined;
  switch (unit) {
    case "đồng":
      // "huy động đầu tư xây dựng nhà văn hóa 30 tỷ đồng": money mobilised for investment is mobilised, not a budget.
      if (R.perUnit.test(right) || R.moneyNot.test(near.replace(R.mobilisedInvestment, "")) || R.loanAfter.test(tail.slice(0, 30))) return null;
      // "đường bê tông trị giá 2 tỷ đồng, Nhân dân đóng góp 600 triệu đồng": the worth, not the money mobilised.
      // Not when what follows breaks the total down: "vận động được tiền và quà trị giá 40 tỷ đồng (trong đó, ủng hộ
      // bằng tiền mặt 15 tỷ đồng)" is a worth mobilised, its parts given after it.
      // Nor the worth of what was socialised: "Tổng giá trị xã hội hóa đạt 12,5 tỷ đồng, trong đó Nhân dân đóng góp …".
      if (R.worth.test(seg) && R.contribAfter.test(tail) && !(PARTS_AFTER.test(tail) && MOBILISED_WORTH.test(seg)) && !SOCIALISED.test(seg)) return null;
      // "xây dựng 15 căn nhà đại đoàn kết trị giá 750 triệu đồng", "hiến 200 m2 đất (tương đương trị giá 500 triệu
      // đồng)", "bàn giao 07 căn nhà Đại đoàn kết, trị giá 300 triệu đồng": what a house, a plot or a work is worth,
      // unless the money is said to be mobilised for it after.
      // Not the worth of what the people gave for it: "Nhân dân hiến đất, đóng góp ngày công làm đường, tổng giá trị trên 6 tỷ
      // đồng" values the land and labour contributed (money mobilised, written as its worth).
      // Nor the worth of houses given as support: "Quỹ … đã hỗ trợ xây dựng 16 nhà Đại đoàn kết trị giá 800 triệu đồng".
      if (PROPERTY_WORTH.test(before.slice(-100)) && !MOBILISED_BY.test(tail.slice(0, 80)) && !CONTRIBUTIONS_WORTH.test(before) && !HOUSES_GIVEN_WORTH.test(before)) return null;
      // "Quỹ Vì người nghèo huyện hiện có 1,2 tỷ đồng": what a fund holds now, not what was mobilised.
      if (FUND_BALANCE.test(seg)) return null;
      // "Số dư quỹ: tiền mặt 40 triệu đồng", "Tồn quỹ: 1,2 tỷ đồng": a balance labelled before its amount.
      if (BALANCE_LABEL.test(f.statement ?? before)) return null;
      // "gia đình đối ứng 350 triệu đồng": the household's own share, not money mobilised.
      if (OWN_SHARE.test(seg)) return null;
      // "Tổng kinh phí … 120 tỷ đồng, trong đó ngân sách nhà nước 100 tỷ đồng": a total the state's budget is part of.
      // Also "Tổng nguồn lực huy động … 250 tỷ đồng, trong đó vốn ngân sách 180 tỷ đồng": all resources, the state's among them.
      if ((TOTAL_SPENT.test(seg) || rx("tổng (các )?nguồn lực").test(seg)) && STATE_PART.test(tail.slice(0, 80))) return null;
      // "Tổng kinh phí thực hiện chương trình 2 tỷ đồng (ngân sách tỉnh 1,5 tỷ đồng, Nhân dân đóng góp 500 triệu đồng)",
      // "Chương trình … có tổng kinh phí 12 tỷ đồng": what a programme costs, not money the people gave (its parts say that).
      if (PROGRAMME_COST.test(before.slice(-120)) && !GIVEN_IN_CLAUSE.test(seg)) return null;
      // "Xây dựng nhà văn hóa thôn với kinh phí 800 triệu đồng, trong đó Nhân dân đóng góp 200 triệu đồng": a work's cost, the
      // people's share of it said after; not for houses given to the poor, whose money is what was mobilised.
      // Not the total of what was socialised: "Tổng giá trị xã hội hóa đạt 12,5 tỷ đồng, trong đó Nhân dân đóng góp …".
      // "Vận động Nhân dân tham gia làm 12 km đường với kinh phí 6 tỷ đồng, trong đó Nhân dân đóng góp 2,5 tỷ đồng": nor
      // when the giving verb of the clause is followed by the works the cost is for.
      if (COST_BEFORE.test(seg) && !SOCIALISED.test(seg) && PEOPLE_PART_AFTER.test(tail.slice(0, 80)) && !givenForCost(before.split(/[.;]/).pop()!) && !R.houseKinds.test(before) && !R.forThePoor.test(before)) return null;
      // "tiếp nhận 5 tỷ đồng; trong đó, đã phân bổ 4 tỷ đồng": a part spent of a total counted before it.
      const partOf = before.lastIndexOf(keyOf("trong đó"));
      if (partOf > 0 && R.spent.test(seg) && /\d/.test(before.slice(0, partOf))) return null;
      if (R.eachWorth.test(before) && !R.total.test(seg) && !rx("\\btổng\\b").test(seg)) return null;
      if (R.loanSource.test(before) && !R.donate.test(seg)) return null;
      // "Quỹ Hỗ trợ nông dân toàn huyện hơn 4,8 tỷ đồng": a loan fund's size, unless money is given to it.
      if (R.loanFund.test(near) && !R.donate.test(seg)) return null;
      if (R.moneyYes.test(sentence)) return "contrib.money_vnd";
      // "chăm lo cho hơn 300 hộ dân có hoàn cảnh khó khăn với kinh phí khoảng 500 triệu đồng": the care given to those in need.
      if (CARED_FOR.test(before)) return "contrib.money_vnd";
      // "Hơn 500 tỷ đồng xây dựng nông thôn mới từ sức dân": money the people gave, said after it in its clause.
      if (FROM_THE_PEOPLE.test(tail.split(/[;.]/)[0]!)) return "contrib.money_vnd";
      // "Vận động Nhân dân làm mới 3 km đường bê tông; sửa chữa nhà văn hóa thôn, với kinh phí hơn 900 triệu đồng": the
      // cost of the works a statement opened by mobilising the people lists, its items across ";" (not the state's).
      if (COST_BEFORE.test(seg) && MOBILISED_WORKS.test(f.statement ?? "") && !STATE_PART.test(tail.slice(0, 80)) && !STATE_FUNDED.test(tail)) return "contrib.money_vnd";
      // "Kinh phí xây dựng: 1,2 tỷ đồng (Nhà nước 800 triệu đồng, Nhân dân 400 triệu đồng)": the people's part, labelled by them.
      if (PEOPLE_ITEM.test(seg)) return "contrib.money_vnd";
      // "Kết quả vận động: hiến đất 8.200 m2; ngày công 2.100 công; tiền mặt 950 triệu đồng": cash, an item labelled by its
      // form in a statement on what the people were mobilised to give.
      // "Vận động hiến 2.300 m2 đất; 450 ngày công; 180 triệu đồng": or a bare amount, an item alone in the same kind of list.
      if ((CASH_ITEM.test(seg) || (BARE_SEG.test(seg) && BARE_MONEY_ITEM.test(tail))) && (R.donate.test(f.statement ?? before) || R.land.test(f.statement ?? before))) return "contrib.money_vnd";
      // "vận động được 7,2 tỷ đồng; trong đó, cấp tỉnh 4 tỷ đồng; cấp huyện 1,1 tỷ đồng": the parts of money mobilised,
      // listed by level or place after "trong đó", each in its own clause.
      if (MOBILISED_PARTS.test(f.statement ?? "")) return "contrib.money_vnd";
      // "Quỹ … đã vận động được 20 tỷ đồng; đã chi 18 tỷ đồng bao gồm: …": money spent from what was mobilised.
      if (rx("^\\s*(đã |được )?chi\\b").test(seg) && R.moneyYes.test(f.statement ?? "")) return "contrib.money_vnd";
      // "bàn giao 12 căn nhà đại đoàn kết trị giá 600 triệu đồng": the money the houses took.
      // The kind of house may be named in the passage before: "… nhà Đại đoàn kết cho 2 hộ nghèo. … 2 căn nhà được
      // sửa chữa …, kinh phí sửa chữa là 130 triệu đồng".
      // "Nhà Đại đoàn kết: xây mới 12 căn, sửa chữa 5 căn; kinh phí 680 triệu đồng": the houses in the statement's clause before.
      const houseText = rx("^\\s*(tổng )?(kinh phí|số tiền)\\b").test(seg) ? (f.statement ?? sentence) : sentence;
      // "Năm 2025, xã đã xóa 45 nhà tạm, nhà dột nát với tổng kinh phí 2,2 tỷ đồng": or the houses replaced for those in need.
      return (R.houseKinds.test(f.wide + " " + houseText) || TEMP_HOUSES.test(houseText)) && R.houses.test(houseText) && rx("\\bnhà\\b|căn|mái ấm").test(houseText) ? "contrib.money_vnd" : null;
    case "m2":
    case "m²":
    case "ha":
    case "sào": // "hiến 2 sào đất": land in the old measures, donated whatever it is written in
    case "mẫu":
      // "hiến hơn 13.300m2 đất, 620m2 tường rào": a wall or a building given up, not land.
      if (STRUCTURE.test(tail.slice(0, 30))) return null;
      // "hiến đất … như: hộ ông A ở xã B (1.080m2); hộ bà C (800m2 và 300m2)": land donated listed by household, its
      // area in parentheses, in a statement on land donated.
      if (R.land.test(f.statement ?? "") && before.lastIndexOf("(") > before.lastIndexOf(")") && rx("\\bhộ\\b").test(before.slice(-80))) return "contrib.land_m2";
      // "vận động hội viên đóng góp 2,5 tỷ đồng, 300 ngày công và trên 200m2 đất": land given is land donated.
      // "đóng góp (tiền mặt 1,2 tỷ đồng; đất 5.600 m2)": land named right before its area, in what the people gave.
      return R.land.test(sentence) || (R.donate.test(f.statement ?? before) && (rx("^\\s*(m2|m²|ha|sào)?\\s*đất\\b").test(tail) || rx("(^\\s*|[(,;:]\\s*)đất\\s*:?\\s*$").test(seg))) ? "contrib.land_m2" : null;
    case "m":
      // "14 hộ hiến đất với tổng gần 2.000m đất": land donated written in metres (not "rộng 1m đất").
      if (R.land.test(seg) && rx("^m?\\s*đất\\b").test(right)) return "contrib.land_m2";
      {
        // "hiến đất với tổng diện tích là 2.400m", "…, trong đó 600m đất ở": a bare "m" after "diện tích" is square
        // metres, and the land after it in that clause a part of what was donated (not "nhà văn hóa có diện tích 250m").
        const clause = before.split(/[;:]/).pop()!;
        if (R.land.test(clause) && (AREA_BEFORE.test(seg) || (rx("^m\\s*đất\\b").test(right) && AREA_BEFORE.test(clause.replace(/\s*\d[\d.,]*\s*m(?![\p{L}\p{M}\p{N}]).*$/u, ""))))) return "contrib.land_m2";
      }
      return null;
    case "ngày công":
    case "công": // "đóng góp 4.866 công lao động"
      return "contrib.labor_days";
    case "cây":
      // "chặt bỏ hơn 100 cây ăn quả" to widen a road: trees felled, not given.
      if (FELLED.test(seg)) return null;
      // "xây dựng 4 cây cầu dân sinh", "2 cây xăng": "cây" counting things that are no trees.
      if (NOT_TREES.test(right)) return null;
      // "hiến 1.560 cây cối, hoa màu để làm đường": the standing trees and crops given up on the land, not trees given to plant.
      if (STANDING_TREES.test(right) || (GIVEN_UP.test(seg) && CLEARED_FOR.test(tail.slice(0, 60)))) return null;
      return R.trees.test(sentence) ? "contrib.trees" : null;
    case "căn":
    case "ngôi":
    case "mái ấm":
      // "Về xóa nhà tạm, nhà dột nát: đã hoàn thành 250/300 căn": bare, in a sentence on replacing temporary houses.
      // "Mỗi căn nhà đại đoàn kết được hỗ trợ 60 triệu đồng; tổng số 20 căn": bare, in a statement naming the kind of house.
      return R.houses.test(near) || TEMP_HOUSES.test(f.statement ?? before) || (BARE_HOUSES.test(right) && HOUSE_KIND.test(f.statement ?? before)) ? "contrib.houses" : null;
    case "nhà":
      // "15 nhà đại đoàn kết"; a bare "27 nhà" repaired in a passage about the poor; not "nhà văn hóa".
      if (R.houseKinds.test(right)) return "contrib.houses";
      // "xóa 45 nhà tạm, nhà dột nát": temporary houses replaced for those in need (not "còn 30 nhà tạm").
      if (rx("^nhà (tạm|dột nát)").test(right) && rx("\\b(xoá|xây|xây dựng|sửa chữa|thay thế|làm mới)\\b").test(seg)) return "contrib.houses";
      // "xây mới 10 nhà và sửa chữa 5 nhà cho hộ nghèo": a bare "nhà" before a conjunction is bare too.
      // "Hỗ trợ xây dựng 8 nhà với tổng kinh phí …": houses given as support are for those in need.
      // "… 53 nhà đại đoàn kết trị giá 832 triệu đồng, sửa chữa 10 nhà trị giá 50 triệu đồng": its worth after it.
      // "Phong trào xóa nhà tạm: toàn tỉnh đã xóa được 1.520 nhà, trong đó xây mới 1.200 nhà": bare, in such a sentence.
      if (right === "nhà" && (R.houses.test(seg) || rx("\\bxoá\\b").test(seg)) && TEMP_HOUSES.test(f.statement ?? before)) return "contrib.houses";
      // "Trao hỗ trợ … gồm 12 nhà xây mới, 40 nhà sửa chữa": houses named before what was done to them, in a
      // statement on support given (not "toàn xã có 150 nhà xây mới", a census).
      // "… 25 nhà xây mới cho hộ nghèo": or for the poor, said right after.
      if (HOUSE_THEN_WORK.test(right) && (SUPPORT_GIVEN.test(f.statement ?? before) || R.forThePoor.test(tail.slice(0, 40)))) return "contrib.houses";
      // "(xây mới 18 nhà, sửa chữa 4 nhà)": the last item of a list in parentheses is bare too.
      return rx("^nhà(\\s+(và|hoặc|cho|với|trị giá)\\b|\\s*\\)|$)").test(right) && R.houses.test(seg)
        && (R.forThePoor.test(f.wide + " " + tail) || rx("hỗ trợ|\\btặng\\b|\\btrao\\b|bàn giao").test(seg)
          // "Vận động xây dựng, sửa chữa 25 nhà": houses the people were mobilised to build.
          || rx("\\bvận động\\b[^.;\\d]{0,40}$").test(before)
          // "Hỗ trợ xây mới 12 nhà, sửa chữa 8 nhà": an item of a list the support opened.
          || (rx("^\\s*(hỗ trợ|tặng|trao|bàn giao)\\b").test(f.statement ?? before) && /\d/.test(before))
          // "Xây dựng 53 nhà đại đoàn kết …, sửa chữa 10 nhà": an item after houses of that kind in the sentence.
          || (R.houseKinds.test(before) && /\d/.test(before))) ? "contrib.houses" : null;
    default:
      return undefined;
  }
}

/** Care given to people in need, said before the money in its sentence: "chăm lo Tết cho 1.200 hộ nghèo với kinh phí ". */
const CARED_FOR = rx("\\bchăm lo\\b[^.;]{0,20}\\b(cho|tết)\\b[^.;]{0,80}\\b(hộ|người|gia đình|học sinh|đối tượng|trẻ em|thương binh|người có công)\\b");
/** Money said to come from the people: "từ sức dân", "từ Nhân dân", "từ nguồn xã hội hóa". */
const FROM_THE_PEOPLE = rx("\\btừ\\s+(sức dân|nhân dân|người dân|sự đóng góp|nguồn (xã hội hoá|vận động|đóng góp))");
/** A fund's balance said right before the amount: "Quỹ … hiện có", "quỹ … còn". */
const FUND_BALANCE = rx("\\bquỹ\\b[^,;\\d]{0,40}\\b(hiện (có|còn)|hiện nay có|còn lại|còn)\\s*$");
/** An area named right before its figure: "diện tích", "tổng diện tích là", "diện tích đất hiến hơn". */
const AREA_BEFORE = rx("\\bdiện tích\\b[^,;\\d]{0,25}$");
/** A structure measured by its area, not land: "620m2 tường rào", "120m2 vật kiến trúc". */
const STRUCTURE = rx("^\\s*(m2|m²|ha)?\\s*(tường|vật kiến trúc|công trình|nhà\\b|mái|sân\\b|cổng|chuồng|ki ốt)");
/** Replacing temporary and dilapidated houses ("xóa nhà tạm, nhà dột nát"), the programme houses are counted under. */
// The count may come between: "Xóa 30 nhà tạm; trong đó xây mới 20 nhà".
const TEMP_HOUSES = rx("\\bxoá\\b[^.;]{0,20}\\bnhà (tạm|dột nát)");
/** A bare count of houses ("20 căn"), and the kinds of house given to those in need named in its statement. */
const BARE_HOUSES = rx("^căn\\s*$");
const HOUSE_KIND = rx("nhà (đại đoàn kết|đđk|tình nghĩa|tình thương|nhân ái|tình đồng đội)|mái ấm");
/** A bare house then the work done on it: "nhà xây mới", "nhà được sửa chữa", "nhà làm mới". */
const HOUSE_THEN_WORK = rx("^nhà (được )?(xây mới|xây dựng mới|làm mới|sửa chữa|cất mới)\\b");
/** Support given, said in the statement before the houses: "Trao hỗ trợ …", "tặng", "bàn giao", "từ nguồn Quỹ". */
const SUPPORT_GIVEN = rx("hỗ trợ|\\btặng\\b|\\btrao\\b|bàn giao|\\bquỹ\\b|vận động");
/** "cây" as the classifier of things that are no trees: bridges, posts, fuel pumps, lamps. */
const NOT_TREES = rx("^cây (cầu|cột|xăng|đèn|nêu|atm)\\b");
/** Trees standing on the land ("cây cối"), and the works they were given up for: "… để làm đường", "mở rộng kênh". */
const STANDING_TREES = rx("^cây cối\\b");
const GIVEN_UP = rx("\\bhiến\\b[^,;\\d]{0,20}$");
const CLEARED_FOR = rx("\\b(làm|mở rộng|mở|nâng cấp|giải phóng mặt bằng)\\s+(đường|mương|kênh|mặt bằng)");
const FELLED = rx("(chặt|đốn|phá|dỡ)( bỏ| hạ| đi)?[^,;\\d]{0,15}$");
const PROPERTY_WORTH = rx("(\\bnhà\\b|\\bcăn\\b|\\bngôi\\b|mái ấm|\\bđất\\b|m2|m²|công trình|\\bđường\\b|\\bcầu\\b|kênh|mương|phòng học)[^,;.\\d]{0,60}(,\\s*(với\\s+)?(tổng\\s+)?)?(trị giá|giá trị)\\s*(khoảng|hơn|trên|gần|ước|ước tính)?\\s*$");
// Or drawn from a fund: "… với tổng trị giá 1,1 tỷ đồng từ nguồn Quỹ Vì người nghèo".
const MOBILISED_BY = rx("^[^.;]{0,50}\\b(do|từ)\\b[^.;]{0,40}(vận động|ủng hộ|tài trợ|đóng góp|huy động|quyên góp)|^[^.;]{0,50}\\btừ (nguồn )?quỹ\\b");
/**
 * Houses given as support, then their worth: "hỗ trợ xây dựng 16 nhà Đại đoàn kết trị giá ", "hỗ trợ 8 mái ấm tình thương,
 * tổng trị giá ", "Hỗ trợ làm mới 14 căn nhà và sửa chữa 6 căn nhà cho hộ nghèo với tổng trị giá "; or built from a fund or
 * mobilised to be built, the worth their own: "Từ nguồn Quỹ này đã xây dựng 28 căn nhà …, trị giá ", "vận động xây dựng thêm
 * 06 căn nhà trị giá " (not the worth of the last of a list: "vận động xây dựng 53 nhà …, sửa chữa 10 nhà trị giá "). Not houses handed over ("xây tặng và bàn giao 07 căn nhà …, trị giá"): their worth stays a worth.
 */
const HOUSES_GIVEN_WORTH = rx("(\\bvận động[^.;,\\d]{0,40}\\d[\\d.]*\\s*(căn|ngôi|nhà|mái ấm)\\b[^.;,\\d]{0,60}|(hỗ trợ|ủng hộ|tài trợ|đóng góp|từ (nguồn )?quỹ\\b)(?:(?!bàn giao)[^.;\\d]){0,40}(\\d[\\d.]*\\s*(căn|ngôi|nhà|mái ấm)\\b[^.;\\d]{0,60}){1,3})(trị giá|giá trị)\\s*(khoảng|hơn|trên|gần|ước|ước tính)?\\s*$");
const OWN_SHARE = rx("((gia đình|\\bhộ\\b|chủ hộ|gia chủ|bản thân)[^,;\\d]{0,20}(đối ứng|tự bỏ|bỏ ra|tự có)|đối ứng (của )?(gia đình|hộ|chủ hộ))[^,;\\d]{0,20}$");
/**
 * The worth of land or labour the people gave, said after them in the sentence: "hiến đất, đóng góp ngày công …, tổng giá trị",
 * "hiến 5.600 m2 đất với tổng trị giá".
 */
const CONTRIBUTIONS_WORTH = rx("(\\bhiến\\b[^.;\\d]{0,15}\\bđất\\b|\\bhiến\\b(?:[^.;]|\\.(?=\\d)){0,30}\\d\\s*((nghìn|ngàn|triệu)\\s*)?(m2|m²|ha|sào)\\s*đất\\b|đóng góp[^.;\\d]{0,20}(ngày công|công lao động))(?:[^.;]|\\.(?=\\d)){0,100}(,\\s*|\\s)(với\\s+)?tổng\\s+(trị giá|giá trị)[^,;.\\d]{0,20}$");
/** An item of money labelled by the people who gave it: "(…, Nhân dân 400 triệu đồng)", "; xã hội hóa: 2 tỷ đồng". */
const PEOPLE_ITEM = rx("(^\\s*|[(,;:]\\s*)(nhân dân|người dân|xã hội hoá|con em xa quê)\\s*(đóng góp)?\\s*:?\\s*$");
/** An item of money labelled by its form: "; tiền mặt ", "(bằng tiền: ". */
const CASH_ITEM = rx("(^\\s*|[(,;:]\\s*)(bằng )?tiền( mặt)?\\s*:?\\s*$");
/** Nothing before the number in its clause: an item of a list on its own. */
const BARE_SEG = /^\s*$/u;
/** An amount alone in its item, the item ending after the unit: "180 triệu đồng;", "1,2 tỷ đồng." (tail from the number). */
const BARE_MONEY_ITEM = rx("^[\\d.,\\s]*(triệu|tỷ|tỉ|nghìn|ngàn)?\\s*(đồng|vnđ)\\s*([;.]|$)");
/** A balance labelled before its amount, the label's colon the last of the statement: "Số dư quỹ: tiền mặt ", "Tồn quỹ: ". */
const BALANCE_LABEL = rx("\\b(số dư|tồn quỹ)\\b[^:;.]{0,30}:[^:;.\\d]{0,20}$");
/** The cost of something, right before the amount: "với kinh phí", "tổng chi phí là", "tổng mức". */
const COST_BEFORE = rx("\\b(kinh phí|chi phí|tổng mức|tổng giá trị)[^,;\\d]{0,20}$");
/** The people's share of a cost said right after it: ", trong đó Nhân dân đóng góp". */
const PEOPLE_PART_AFTER = rx("^[^.;\\d]{0,25}\\btrong đó\\b[^.;\\d]{0,30}(nhân dân|người dân|hội viên|con em|doanh nghiệp|nhà hảo tâm|xã hội hoá)[^.;\\d]{0,25}(đóng góp|ủng hộ|tài trợ|\\d)");
/** The people mobilised to build or mend works: "vận động Nhân dân làm mới …", "vận động bà con tu sửa …". */
const MOBILISED_WORKS = rx("\\bvận động\\b[^.;]{0,20}\\b(nhân dân|người dân|bà con|giáo dân|đồng bào|hội viên|các hộ|con em)\\b[^.;]{0,15}\\b(xây dựng|làm|làm mới|tu sửa|sửa chữa|nâng cấp|đóng góp|chung sức)\\b");
/** The state's money said right after an amount: "… 2 tỷ đồng từ ngân sách tỉnh", "… do Nhà nước đầu tư". */
const STATE_FUNDED = rx("^[^.;\\d]{0,40}\\b(ngân sách|nhà nước)\\b");
/**
 * Money mobilised, then its parts after "trong đó" (the last "trong đó" of the statement, no other verb after it); the
 * amount in a scale word, in "đồng", or with "đ" glued to it ("được 9.600.000đ; trong đó …").
 */
const MOBILISED_PARTS = rx("(vận động|huy động|quyên góp|ủng hộ|đóng góp)[^.]{0,80}\\d[\\d.,]*\\s*(tỷ|tỉ|triệu|nghìn|ngàn|đồng|(?<=\\d)đ\\b)[^.\\d]{0,40}\\btrong đó\\b(?![^.]*\\b(chi|đã chi|phân bổ|sử dụng|giải ngân|cho vay)\\b)");
/** A total broken down right after it: "(trong đó, …", ", gồm …". */
/** What was socialised (given from outside the state's budget), named right before its amount. */
const SOCIALISED = rx("xã hội hoá[^,;.\\d]{0,15}$");
const PARTS_AFTER = rx("^[^\\d.;(,:]{0,20}[(,;:]\\s*(trong đó|bao gồm|gồm)\\b");
/** A worth that the verb of mobilising takes: "vận động được tiền và quà trị giá". */
const MOBILISED_WORTH = rx("(vận động|huy động|quyên góp|tiếp nhận)[^,;\\d]{0,40}(trị giá|giá trị)");
const TOTAL_SPENT = rx("tổng (kinh phí|vốn|nguồn vốn|mức|chi phí|giá trị)(?! (vận động|huy động|xã hội hoá))");
/** The cost of a programme, a scheme or a project, said right before the amount. */
const PROGRAMME_COST = rx("((kinh phí|chi phí|vốn)( thực hiện| triển khai)?( các)? (chương trình|đề án|dự án)|(chương trình|đề án|dự án)[^,;.\\d]{0,60}\\b(có|với) tổng (kinh phí|vốn|chi phí))[^,;.\\d]{0,30}$");
/** The money of the clause given, not the cost of works the giving verb is followed by ("vận động Nhân dân làm 12 km đường với kinh phí"). */
function givenForCost(clause: string): boolean {
  const given = GIVEN_IN_CLAUSE.exec(clause);
  return given !== null && !WORKS_AFTER.test(clause.slice(given.index + given[0].length));
}
const WORKS_AFTER = rx("\\b(làm|làm mới|xây|xây dựng|nâng cấp|sửa chữa|mở rộng|bê tông hoá|cứng hoá|lắp đặt)\\b[^,;]{0,60}\\b(đường|cầu|kênh|mương|nhà văn hoá|công trình|trường|sân|cống|điện)");
/** Money given, said in the clause of the cost: "vận động đóng góp kinh phí thực hiện dự án 300 triệu đồng". */
const GIVEN_IN_CLAUSE = rx("vận động|huy động|quyên góp|ủng hộ|đóng góp|xã hội hoá|tài trợ");
const STATE_PART = rx("^[^.]{0,40}\\b(trong đó|gồm|bao gồm)\\b[^.\\d]{0,30}(ngân sách|nhà nước|vốn (trung ương|tỉnh|huyện))");
