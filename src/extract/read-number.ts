/**
 * Pure: reads one number of a report at a position: rejects dates, times, codes, names and page furniture;
 * reads "a/b" pairs, percentages, ranges, scaled amounts, numbers glued by a bad copy, and the counted noun
 * after the number (or before it: "Số cuộc đối thoại: 19"). Counts written in words: read-words.ts.
 */
import { keyOf } from "./normalize.ts";
import { isLetter, scanAmount, scanNumeral } from "./number.ts";
import { rx, NAME_BEFORE_1, NAME_BEFORE_2, STOP_WORDS, YEAR_BEFORE } from "./lexicon.ts";
import { asideItem, labelNoun } from "./items.ts";
import { LABOUR_LABEL, leadingNoun, registerNoun } from "./read-lead.ts";
import { labelItem } from "./read-label-items.ts";
import { countedNounAfter, counterUnderLabel, isDigit, isSpace, lineAround, MEASURES, pageCounterAt, pairAfterAndAt, skipCode, unitAt, UNIT_WORDS, wordBefore } from "./text-around.ts";
import { finish, type Candidate } from "./figure-context.ts";
import { ANNIVERSARY, changeBefore, countAfterName, hamletNameBefore, MONEY_AFTER_NAME, orgInName, PETITION_KIND_ABBR, VERB_NAMES } from "./read-names.ts";
import { nounAfterShare, splitBefore, turnsOverPeople, wholeAfterAside, wholeOfAsidePair, wholeOfSameNoun, wholeOfSameNounPair } from "./read-pairs.ts";

/** An ordinal, and the list of them so far, right before a number: "kỳ họp thứ 7, ", "lần thứ 2 và ", "đợt 1, 2, ". */
const ORDINAL_LIST = rx("(?<![\\p{L}])(thứ|đợt|lần|kỳ|khoá)\\s+\\d{1,2}(\\s*,\\s*\\d{1,2})*\\s*(,|và)\\s*$");
/** After a row's serial number: a tab, a label cell that opens with a letter, and another tab on the line. */
const SERIAL_ROW = /^\t[ ]*[\p{L}][^\t\n]*\t/u;

/** "lượt/52 người": a lower-case word before "/", and a known counted noun after the number. */
function slashAfterNoun(text: string, key: string, i: number): boolean {
  const w = wordBefore(key, i - 1);
  if (!w.word || text[w.start] !== key[w.start]) return false;
  if (UNIT_WORDS.has(w.word)) return true;
  // "118.000 hội viên/166.000 phụ nữ": the whole noun of the count before "/" is a known one, however many words.
  const before = /(\d[\d.]*)\s?[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}\/$/u.exec(key.slice(Math.max(0, i - 40), i));
  if (before) {
    const at = i - before[0].length;
    const c = scanNumeral(key, at);
    const cu = unitAt(text, key, c.end, false);
    if (typeof cu === "object" && cu !== null && cu.known === true && cu.end === i - 1) return true;
  }
  const n = scanNumeral(key, i);
  const u = unitAt(text, key, n.end, false);
  return typeof u === "object" && u !== null && u.known === true;
}

/** Reads one number at `i`; returns the figure, or the position to continue from. */
export function readAt(text: string, key: string, i: number, rangeHigh = false): Candidate | number {
  const n0 = scanNumeral(key, i);
  const prevC = rangeHigh ? 32 : key.charCodeAt(i - 1);
  // Glued to a word or a code: "Hôm nay3,397", "Covid-19", "02-NQ/HU", "I/2024", URLs.
  // Not after an ellipsis typed as dots: "vận động được....86 triệu đồng".
  if (i > 0 && ((isLetter(prevC) && !gluedAfterWord(text, key, i, n0.end)) || prevC === 95 || prevC === 61 || prevC === 35 || prevC === 64 || (prevC === 46 && !key.startsWith("...", i - 3))
    || ((prevC === 47 || prevC === 45 || prevC === 8211) && (isLetter(key.charCodeAt(i - 2)) || isDigit(key.charCodeAt(i - 2)))))) {
    // "45 lượt/52 người", "215 lượt công dân/260 người": after a counted noun, "/" starts another figure.
    if (!(prevC === 47 && isLetter(key.charCodeAt(i - 2)) && slashAfterNoun(text, key, i))
      && !(prevC === 47 && isDigit(key.charCodeAt(i - 2)) && splitBefore(text, key, i))) return skipCode(key, n0.end);
  }
  const after = key.charCodeAt(n0.end);
  const after2 = key.charCodeAt(n0.end + 1);
  // "176 đơn (160 khiếu nại, 16 tố cáo)/221 đơn": the whole of a pair, read with its part before the aside.
  // "45 vụ/50 vụ": the whole of a pair whose noun is written twice, read with its part.
  if (prevC === 47 && (wholeOfAsidePair(text, key, i) || wholeOfSameNounPair(text, key, i))) return n0.end;
  // Times "22:45", "8h30"; document numbers "17-CT/TU", "45/BC-UBND"; dates "26/12/2023".
  if (after === 58 && isDigit(after2)) return skipCode(key, n0.end);
  if (after === 104 /* h */ && (isDigit(after2) || !isLetter(after2))) return skipCode(key, n0.end);
  // A range: "từ 20 – 30 triệu đồng", "30-40%", "từ 3 đến 5 người": the low end is a figure too, in the
  // unit and scale of the high end ("2023 - 2024" are years; "20 – 30/3" is a date).
  // Not after a document's name: "Quán triệt Chỉ thị 18 đến 1.200 đảng viên" names the directive, then counts.
  const range = namedBefore(key, i) ? null : rangeAt(text, key, i, n0);
  if (range !== null) return range;
  if ((after === 45 || after === 8211) && (isLetter(after2) || isDigit(after2))) return skipCode(key, n0.end);
  if (after === 46 && isDigit(after2)) return skipCode(key, n0.end); // "1.2", section numbers
  // Section numbering at the start of a line: "1. Công tác…", "2) …".
  {
    let b = i;
    while (b > 0 && isSpace(key.charCodeAt(b - 1))) b--;
    if ((b === 0 || key.charCodeAt(b - 1) === 10) && (after === 46 || after === 41) && !isDigit(after2)) return n0.end + 1;
    // A row's serial number in a table pasted with tabs: "1\tXã A\t05\t03" (a label cell, then more cells).
    if ((b === 0 || key.charCodeAt(b - 1) === 10) && after === 9 && !n0.grouped && !n0.decimal && n0.digits.length <= 3 && SERIAL_ROW.test(key.slice(n0.end, n0.end + 200))) return n0.end;
  }
  // Phone numbers and long codes.
  if (!n0.grouped && !n0.decimal && (n0.digits.length >= 9 || (n0.digits[0] === "0" && n0.digits.length >= 6))) return n0.end;
  const prev = wordBefore(key, i);
  const prev2 = prev.word ? wordBefore(key, prev.start) : { word: "", start: prev.start };
  const bigram = prev2.word + " " + prev.word;
  // "Hướng dẫn 13" names a document; "có văn bản hướng dẫn 223 đơn", "kết luận 2 cuộc thanh tra" count things.
  // "Tổng kinh phí thực hiện chương trình 2 tỷ đồng": money after a programme's name is its cost, not its number.
  // "cấp Trung ương 4 hộ, cấp tỉnh 36 hộ": the central level labelling its share, not a plenum's number.
  if (NAME_BEFORE_2.has(bigram) && bigram !== "tổng số" && !MONEY_AFTER_NAME.test(key.slice(n0.end, n0.end + 20))
    && !(bigram === CENTRAL && wordBefore(key, prev2.start).word === LEVEL_WORD)
    && !(VERB_NAMES.has(bigram) && (text[prev2.start] === key[prev2.start] || SENTENCE_OPEN.test(key.slice(Math.max(0, prev2.start - 4), prev2.start)))
      && countedNounAfter(text, key, n0.end + (PAIR_TAIL.exec(key.slice(n0.end, n0.end + 16))?.[0].length ?? 0)))) return n0.end;
  // "tổng số 45 đơn", "Trong số 376 đơn": a count, not a document number; "tiếp nhận trực tuyến 743 hồ sơ" (online).
  // "dân số 2.782 hộ" (population) counts too, and "đồng bào dân tộc thiểu số 3.200 người" (a minority, then its count).
  if (NAME_BEFORE_1.has(prev.word) && !(prev.word === "số" && (prev2.word === "tổng" || prev2.word === "trong" || prev2.word === "dân" || (prev2.word === keyOf("thiểu") && countedNounAfter(text, key, n0.end))))
    && !(prev.word === keyOf("tuyến") && prev2.word === keyOf("trực")) && !countAfterName(text, key, prev.word, prev2.word, n0.end)
    // "(Quân đội 120, Công an 25)": the army, not a team's name ("Đội 3").
    && !(prev.word === keyOf("đội") && prev2.word === keyOf("quân"))) return n0.end;
  // "kỳ họp thứ 7, 8", "Hội nghị lần thứ 14 và 15", "đợt 1, 2": the next ordinals of a list, unless a counted noun follows.
  if (!n0.grouped && !n0.decimal && n0.digits.length <= 2 && ORDINAL_LIST.test(key.slice(Math.max(0, i - 40), i)) && !countedNounAfter(text, key, n0.end)) return n0.end;
  // "bộ phận 1 cửa, 1 cửa liên thông": the one-stop desk, not a count of doors ("2 cửa hàng" counts shops).
  if (n0.value === 1 && n0.digits.length === 1 && /^\s*cửa(?![\p{L}\p{M}])(?! hàng)/u.test(key.slice(n0.end, n0.end + 12))) return n0.end;
  // "1 số chủ trương": "một số" (some) written with a digit, a vague amount.
  if (n0.value === 1 && n0.digits.length === 1 && /^ số (?!\d)\p{L}/u.test(key.slice(n0.end, n0.end + 6))) return n0.end;
  // "đất trồng lúa 2 vụ", "lúa 3 vụ/năm": rice land named by its crops a year, not a count of cases.
  if (prev.word === keyOf("lúa") && /^\s*vụ(?![\p{L}\p{M}])(?! việc)/u.test(key.slice(n0.end, n0.end + 10))) return n0.end;
  // "kỷ niệm 55 thành lập", "Kỷ niệm 80 Ngày truyền thống": an anniversary with "năm" left out, unless a counted
  // noun follows ("kỷ niệm 12 hội viên có công").
  if (bigram === ANNIVERSARY && !countedNounAfter(text, key, n0.end)) return n0.end;
  // "giải 3", "giải 1 toàn đoàn": a prize's rank ("hòa giải 40 vụ" settles cases).
  if (prev.word === keyOf("giải") && prev2.word !== keyOf("hòa")) return n0.end;
  // "ấp Văn Hiên 2 giành giải nhất", "thôn Phú Danh 1": a number after a hamlet's capitalised name is part of it,
  // unless a counted noun follows ("thôn Phú Danh 20 hộ").
  // Nor money in a scale word ("Thôn Bắc Sơn 25 triệu đồng").
  if (hamletNameBefore(text, key, prev) && !countedNounAfter(text, key, n0.end) && !MONEY_AFTER_NAME.test(key.slice(n0.end, n0.end + 20))) return n0.end;
  // After an abbreviation in capitals the number is part of a name or code: "NQ 04", "Đoàn KT-QP 79";
  // unless a counted noun follows: "KN 15 đơn" (khiếu nại), "Hội LHPN 08 xã".
  if (prev.word.length >= 2) {
    const w = text.slice(prev.start, prev.start + prev.word.length);
    // "tiếp nhận 254 đơn (KN 76, TC 143, KN-PA 35)": petitions by kind, abbreviated, in the breakdown of a count.
    const kindItem = PETITION_KIND_ABBR.test(prev.word) && asideItem(key, i, n0.end) !== null;
    if (w === w.toUpperCase() && w !== w.toLowerCase() && !countedNounAfter(text, key, n0.end) && !kindItem) return n0.end;
  }
  const isYearLike = !n0.grouped && !n0.decimal && n0.digits.length === 4 && n0.value >= 1900 && n0.value <= 2100;
  if (isYearLike && (YEAR_BEFORE.has(prev.word) || prevC === 47)) return n0.end;

  let of: number | null = null;
  let amount = scanAmount(key, i);
  let end = amount.end;
  if (after === 47 /* / */) {
    if (!isDigit(after2)) return skipCode(key, n0.end); // "45/BC-UBND"
    const b = scanNumeral(key, n0.end + 1);
    const c = key.charCodeAt(b.end);
    // "26/12/2023", "30/2020/NĐ-CP"; but a counted noun glued by a bad copy is read: "34/37vụ".
    if (c === 47 || c === 45 || (isLetter(c) && !countedNounAfter(text, key, b.end))) return skipCode(key, b.end);
    const dateLike = n0.value >= 1 && n0.value <= 31 && b.value >= 1 && b.value <= 12 && !n0.grouped && !b.grouped;
    // "12/2023" is a month; "1.610/2.010 lượt người", "161/2010 người" are a part of a whole.
    if (!b.grouped && b.digits.length === 4 && b.value >= 1900 && b.value <= 2100
      && !(n0.value > 12 && countedNounAfter(text, key, b.end))) return b.end;
    // "105/130 mô hình tập thể và 4/4 mô hình cá nhân", "và 11/11 Ban công tác Mặt trận": a pair, not a day.
    const pairAfterAnd = prev.word === "và" && pairAfterAndAt(text, key, prev.start, b.end);
    if (dateLike && !pairAfterAnd && (prevC === 40 || YEAR_BEFORE.has(prev.word) || /^(ngày|sáng|chiều|tối|hôm|đêm|trưa|lúc|từ|đến)$/.test(prev.word))) return b.end;
    if (!n0.grouped && n0.value <= b.value && turnsOverPeople(text, key, i, b.end)) {
      return finish(key, i, { end: n0.end, amountEnd: n0.end, spanEnd: n0.end, value: n0.value, of: null, unit: "lượt", ruleUnit: "lượt", percent: false, lead: null });
    }
    of = b.value;
    amount = { ...amount, end: b.end, value: n0.value, scaled: false };
    end = b.end;
  }
  // "5,565 tỷ/3,550 tỷ": money achieved against a plan, both written with a scale word.
  if (of === null && amount.scaled) {
    const m = /^\s?\/\s?(?=\d)/.exec(key.slice(amount.end, amount.end + 4));
    const b = m ? scanAmount(key, amount.end + m[0].length) : null;
    if (b && b.scaled) { of = b.value; end = b.end; amount = { ...amount, end: b.end }; }
  }
  let percent = false;
  {
    let j = end;
    while (isSpace(key.charCodeAt(j))) j++;
    if (key.charCodeAt(j) === 37 /* % */) { percent = true; end = j + 1; }
  }
  let unit: string | null = percent ? "%" : null;
  let ruleUnit: string | null = unit;
  let spanEnd = end;
  let u = unitAt(text, key, end, amount.scaled || percent);
  // "381/960 ngày": days achieved against days required, a count (a lone "3 ngày" is a duration).
  if (u === "reject" && of !== null && !percent) {
    const m = /^\s*ngày(?![\p{L}\p{M}]| (công|hội)|\s*\d)/u.exec(key.slice(end, end + 12));
    if (m) u = { unit: "ngày", end: end + m[0].length, known: true };
  }
  // "đóng góp ngày công: 4.500 ngày": days under a label naming labour days are labour days.
  if (u === "reject" && !percent && LABOUR_LABEL.test(key.slice(Math.max(0, i - 30), i))) {
    const m = /^\s*ngày(?![\p{L}\p{M}]|\s*\d)/u.exec(key.slice(end, end + 12));
    if (m) u = { unit: "ngày công", end: end + m[0].length, known: true };
  }
  if (u === "reject") return end;
  if (u && u.org && orgInName(text, key, prev, n0.value, of)) return end;
  let lead: { start: number; unit: string; noun: string } | null = null;
  if (u === null && !percent) {
    // "Số cuộc đối thoại: 19", "tổng số đơn tiếp nhận là 45": the counted noun comes first.
    lead = (of !== null ? nounAfterShare(text, key, i, end) : null) ?? leadingNoun(key, i) ?? labelNoun(key, i, end) ?? registerNoun(key, i, end) ?? (of === null && !isYearLike ? asideItem(key, i, end) : null)
      ?? (of === null && !isYearLike && !amount.scaled ? labelItem(key, i, end) : null);
    // "giảm 1/3 so với cùng kỳ", "chiếm 2/3": a fraction after a change or a share is a figure with no unit.
    if (!lead && of !== null && of <= 10 && of > n0.value && /^(tăng|giảm|chiếm|bằng|khoảng|gần|hơn)$/.test(prev.word)) {
      return finish(key, i, { end, amountEnd: amount.end, spanEnd: end, value: amount.value, of, unit: null, ruleUnit: null, percent, lead: null });
    }
    // "hơn 4.100 hội viên, tăng 250 so với đầu nhiệm kỳ": a change written bare before what it is compared with.
    if (!lead && of === null && !isYearLike && !amount.scaled && changeBefore(prev.word, prev2.word) && /^\s*so\s+với\b/u.test(key.slice(end, end + 12))) {
      return finish(key, i, { end, amountEnd: amount.end, spanEnd: end, value: amount.value, of: null, unit: null, ruleUnit: null, percent, lead: null });
    }
    if (!lead) {
      // "hiến 1.000 và 1.100m2 đất", "12 và 15 hộ": two counts of one noun, written once after the second.
      const next = of === null && !isYearLike && !amount.scaled ? sharedUnit(text, key, end) : null;
      if (!next) return end;
      return finish(key, i, { end, amountEnd: amount.end, spanEnd: end, value: amount.value, of: null, unit: next.unit, ruleUnit: next.unit, percent: false, lead: null });
    }
    unit = lead.unit;
    ruleUnit = unit;
  } else if (u === null) {
    // a bare percentage
  } else if (percent) {
    ruleUnit = u.unit; // "100% thôn, buôn": the share counts villages
  } else {
    // "vận động được 35 triệu": millions and billions with no noun after are money.
    unit = u.unit ?? (amount.scaled && amount.value >= 1e6 && /^\s*(tỷ|tỉ|tr)/.test(key.slice(n0.end, n0.end + 8)) ? "đồng" : null);
    ruleUnit = unit;
    spanEnd = u.end;
    if (of === null && unit !== null && !amount.scaled) of = wholeAfterAside(text, key, spanEnd, amount.value, unit);
    const whole = of === null && unit !== null && !amount.scaled ? wholeOfSameNoun(text, key, spanEnd, amount.value, key.slice(end, spanEnd).trim()) : null;
    if (whole) { of = whole.value; end = spanEnd = whole.end; }
  }
  // A year followed by anything but a known counted noun is a year ("Tết Bính Ngọ 2026 thêm ấm áp").
  if (isYearLike && of === null && !amount.scaled && !percent && !(u && u.known)) return end;
  // A number inside a short quoted name: phiên chợ “0 đồng”, mô hình “5 không”.
  if (prevC === 0x201c || prevC === 34) {
    const close = key.slice(spanEnd, spanEnd + 25).search(/[”"]/);
    if (close >= 0 && !/[,.;:]/.test(key.slice(spanEnd, spanEnd + close))) return end;
  }
  // A programme named by what it costs, unquoted: "chương trình Chợ 0 đồng", "Bữa cơm 0 đồng" (nothing is counted).
  if (amount.value === 0 && unit === "đồng" && ZERO_PRICE_NAME.test(key.slice(Math.max(0, i - 20), i))) return end;
  // A slogan's number, unquoted: "mô hình 4 an", "phong trào 5 tốt" (an adjective counts nothing).
  if (!percent && !amount.scaled && of === null && SLOGAN_WORD.test(key.slice(end, end + 12))) return end;
  // The criteria of a slogan's standard: "đạt 8 tiêu chí 5 không 3 sạch" names the standard, it counts nothing.
  if (!percent && !amount.scaled && of === null && SLOGAN_CRITERIA.test(key.slice(end, end + 30))) return end;
  // Page furniture: a percentage alone on its line (zoom level), visitor and view counters (text-around.ts).
  const line = lineAround(key, i, end);
  if ((percent && /^[\s\d.,%]*$/.test(line)) || pageCounterAt(key, i, end) || counterUnderLabel(key, i, end)) return end;
  // "2,500 lượt người": a comma before three digits in a count of people or things is a thousands mark typed
  // the English way (no one counts half a person); measures and money keep their decimals ("2,500 ha").
  const value = !percent && !amount.scaled && of === null && unit !== null && u !== null && typeof u === "object" && u.known === true
    && !MEASURES.has(unit) && unit !== "đồng" && /^\d{1,3},\d{3}$/.test(key.slice(i, n0.end)) ? Math.round(amount.value * 1000) : amount.value;
  return finish(key, i, { end, amountEnd: amount.end, spanEnd, value, of, unit, ruleUnit, percent, lead });
}

/** What a free programme is named after, right before its "0 đồng": "Chợ", "Siêu thị", "Gian hàng", "Bữa cơm", "Chuyến xe". */
const ZERO_PRICE_NAME = rx("\\b(chợ|siêu thị|gian hàng|cửa hàng|quầy|tủ|bữa cơm|bữa ăn|quán|tiệm|chuyến xe|xe|phòng khám|lớp học)\\s*$");
/** What a slogan numbers after its digits ("5 đoàn kết", "4 an", "3 sạch"): words that count nothing. */
const SLOGAN_WORD = rx("^\\s*(đoàn kết|trong sạch|sạch|an(?! ninh)|tốt(?! nghiệp)|xanh|giỏi|đẹp|nhất|đúng|tại chỗ)\\b");

/** Criteria named by the slogan after them: "tiêu chí 5 không 3 sạch", "tiêu chí “5 không, 3 sạch”". */
const SLOGAN_CRITERIA = rx("^\\s*tiêu chí\\s*[“\"]?\\s*\\d+\\s*(không|sạch)\\b");

/** Lower-case words a bad copy glues to the number after them: "giảm79 vụ", "được120 lượt". */
const GLUE_WORDS = new Set([...STOP_WORDS, ...["tiếp", "nhận", "thành", "công", "quyết", "dự", "hiến", "đón", "xây", "trao", "tặng", "tổng", "số"].map(keyOf)]);

/**
 * A number glued to the word before it by a bad copy ("giảm79 vụ", "thành công34/37 vụ"): read when that
 * word is a lower-case Vietnamese word of the genre and a counted noun or a percent follows; codes and
 * names ("Covid19", "H5N1", "KT3") stay unread.
 */
function gluedAfterWord(text: string, key: string, i: number, numeralEnd: number): boolean {
  let s = i;
  while (s > 0 && isLetter(key.charCodeAt(s - 1))) s--;
  const word = key.slice(s, i);
  // Lower case, or capitalised as a sentence's first word ("Tiếp79 lượt"); codes are in capitals.
  if (!GLUE_WORDS.has(word) || text.slice(s + 1, i) !== word.slice(1)) return false;
  let j = numeralEnd;
  if (key.charCodeAt(j) === 47 && isDigit(key.charCodeAt(j + 1))) j = scanNumeral(key, j + 1).end;
  if (/^\s?%/.test(key.slice(j, j + 2))) return true;
  const amount = scanAmount(key, i);
  const u = unitAt(text, key, j > numeralEnd ? j : amount.end, amount.scaled);
  return typeof u === "object" && u !== null && u.known === true;
}

/** The connector of a range after a number: "–", "-", "~" (spaced or not), or "đến"/"tới". */
const RANGE = /^(\s*[-–~]\s*|\s+(?:đến|tới)\s+)(?=\d)/u;

/** The verb opens its sentence, capitalised: "Kết luận 4 cuộc thanh tra" counts as "kết luận 4 cuộc" does. */
const SENTENCE_OPEN = /(^|[.!?;:\n]\s*|^\s*)$/u;
/** The rest of a pair before its noun: "kết luận 5/7 cuộc thanh tra". */
const PAIR_TAIL = /^\s*\/\s*\d[\d.]*/u;

const CENTRAL = keyOf("trung ương");
const LEVEL_WORD = keyOf("cấp");

/** The number follows a document's name ("Chỉ thị 18", "Nghị quyết số 04"): it is that document's number. */
function namedBefore(key: string, i: number): boolean {
  const prev = wordBefore(key, i);
  const prev2 = prev.word ? wordBefore(key, prev.start) : { word: "", start: prev.start };
  return NAME_BEFORE_2.has(prev2.word + " " + prev.word) || (prev.word === "số" && prev2.word !== "tổng" && prev2.word !== "trong");
}

/**
 * At a range's low end, the low end as a figure read with the high end's unit, scale and key; the
 * position to go on from when the range is of years or of something that is not a figure; null when
 * no range starts here.
 */
function rangeAt(text: string, key: string, i: number, n0: ReturnType<typeof scanNumeral>): Candidate | number | null {
  const m = RANGE.exec(key.slice(n0.end, n0.end + 8));
  if (!m) return null;
  const j = n0.end + m[0].length;
  const n1 = scanNumeral(key, j);
  const yearLike = (n: ReturnType<typeof scanNumeral>) => !n.grouped && !n.decimal && n.digits.length === 4 && n.value >= 1900 && n.value <= 2100;
  const spaced = /\s/.test(m[0]);
  if (yearLike(n0) || yearLike(n1)) return spaced ? n0.end : null; // "2023 - 2024"; "2021-2025" goes on as a code
  if (!spaced && /^[-–]/.test(m[0]) && (n0.digits[0] === "0" || n1.value <= n0.value)) return null; // codes: "02-03", "17-5"
  if (n1.value <= n0.value) return spaced ? n0.end : null;
  const high = readAt(text, key, j, true);
  if (typeof high === "number") return spaced ? n0.end : null;
  if (high.of !== null || high.start !== j) return n0.end;
  const scale = n1.value === 0 ? 1 : high.value / n1.value;
  const low = finish(key, i, { end: n0.end, amountEnd: n0.end, spanEnd: n0.end, value: Math.round(n0.value * scale * 1e6) / 1e6, of: null, unit: high.unit, ruleUnit: high.percent ? "%" : high.unit, percent: high.percent, lead: null });
  return { ...low, indicator: high.indicator, rangeHigh: j };
}

/** The reading of the number after "và" when it has a counted noun of its own ("và 1.100m2"), else null. */
function sharedUnit(text: string, key: string, end: number): Candidate | null {
  // Also a part, then the whole it is counted in: "hòa giải thành công 845 trong tổng số 912 vụ việc", "12 trong số 15 xã".
  const m = /^\s+(?:và|(?:trong|trên)\s+(?:tổng\s+)?số)\s+(?=\d)/u.exec(key.slice(end, end + 24));
  if (!m) return null;
  const at = end + m[0].length;
  // "2 và 3 nghìn người": the scale belongs to the second number alone.
  if (/^[\d.,]+\s*(nghìn|ngàn|triệu|tỷ|tỉ|vạn)/u.test(key.slice(at, at + 20))) return null;
  const next = readAt(text, key, at);
  return typeof next !== "number" && next.start === at && next.of === null && !next.percent && next.unit !== null && next.unit !== "đồng" ? next : null;
}
