/**
 * Reads generated prose the way an editor of the genre would (pure; used by the tests): a noun
 * phrase repeated within a sentence ("hòa giải ở cơ sở đã tiếp nhận 2 vụ việc hòa giải ở cơ sở"),
 * and a unit type written with a capital in the middle of a sentence ("; Xã Chư Ngọc").
 */

const UNIT_TYPES = ["Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh", "Đặc khu"];
const WORDS = 5;

/** The problems found in one paragraph (empty when it reads well). */
export function prose(text: string): string[] {
  const problems: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    // Word runs between numbers and figures: a repeat never spans a number ("tăng 3 cuộc … tăng 5 cuộc" is fine).
    const runs = sentence.toLocaleLowerCase("vi-VN").split(/[^\p{L}\s]*\d[\d.,/%]*[^\p{L}\s]*/u).map((r) => r.match(/\p{L}+/gu) ?? []);
    const seen = new Map<string, number>();
    runs.forEach((words, ri) => {
      for (let i = 0; i + WORDS <= words.length; i++) {
        const gram = words.slice(i, i + WORDS).join(" ");
        const at = seen.get(gram);
        if (at !== undefined && at !== ri * 1000 + i) problems.push(`repeated "${gram}" in: ${sentence}`);
        else seen.set(gram, ri * 1000 + i);
      }
    });
    const mid = new RegExp(`(?<!^)(?<=[^.!?]\\s)(${UNIT_TYPES.join("|")}) (?=\\p{Lu})`, "u");
    const m = mid.exec(sentence);
    if (m && m.index > 0) problems.push(`capitalised "${m[1]}" mid-sentence in: ${sentence}`);
  }
  return [...new Set(problems)];
}
