/**
 * Pure: the items of a breakdown by place that run on after "trong đó", each in a clause of its own, however far the
 * list runs: "vận động được 9.600.000đ; trong đó xã Đông được 6.000.000đ; thôn Một được 1.400.000đ; thôn Hai được
 * 2.200.000đ". The rules read an item with its statement, which reaches back a bounded length; an item far down such a
 * list no longer sees the whole it breaks down, but it sees the item before it. Used by read-figures.ts.
 */
import { rx } from "./lexicon.ts";
import type { Candidate } from "./figure-context.ts";

/**
 * An item named by a place, in the unit of the keyed item right before it, with only its own label between ("; thôn
 * Hai được "), takes that item's key when the list was opened by "trong đó", "cụ thể" or "gồm" before its first item.
 * A clause with a verb of its own ("; đã chi 5.000.000đ") is no item of the list.
 */
export function placeItems(key: string, cands: Candidate[]): void {
  let inList = false;
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const p = cands[k - 1]!;
    const item = !c.percent && !p.percent && c.unit !== null && c.unit === p.unit && c.start - p.end <= 80 && PLACE_ITEM_GAP.test(key.slice(p.end, c.start));
    // The list's first item opens it: the gap before it names the breakdown ("; trong đó xã Đông được ").
    inList = item && (inList || LIST_OPEN.test(key.slice(Math.max(k >= 2 ? cands[k - 2]!.end : 0, p.start - 160), p.start)));
    if (inList && c.indicator === null && p.indicator !== null) c.indicator = p.indicator;
  }
}

/** The clause of an item named by a place, up to its number: "; thôn Hai được ", ", các thôn ", "; khối cơ quan: "; no verb of its own ("; thôn Ba còn nợ "). */
const PLACE_ITEM_GAP = rx("^(?=[^\\d\\n.!?;,:]{0,3}[;,]\\s*(các\\s+)?(xã|phường|thị trấn|thôn|xóm|ấp|bản|buôn|làng|tổ dân phố|khu phố|khu dân cư|khối|khóm|huyện|thị xã|quận)\\b[^\\d\\n.!?;,:]{0,40}?\\s*(được|:)?\\s*$)(?![^\\d]*\\b(chi|nợ|còn|chưa|không|giảm|tăng|sử dụng|phân bổ)\\b)");
/** What opens a breakdown, then the first item's label (a long one too: "trong đó cán bộ, công chức … trên địa bàn xã được "). */
const LIST_OPEN = rx("\\b(trong đó|cụ thể|bao gồm|gồm)\\b\\s*:?\\s*[^\\d\\n.!?;]{0,140}$");
