/**
 * Pure: a meeting that a central body (or a cluster of provinces) holds in a city. "Ngày 12/1, tại thành phố Huế, Ban
 * Dân vận Trung ương tổ chức hội nghị …" is the central body's, not the city's: the city only hosts it, and the text
 * names no unit of its own (a wrong unit is worse than none).
 */
import { rx } from "./lexicon.ts";

/** A body above the provinces: "Ban Dân vận Trung ương", "Ủy ban Trung ương MTTQ Việt Nam", "Trung ương Hội Nông dân", "Cụm thi đua …". */
const CENTRAL = "((ban thường trực |ban thường vụ )?(ban|uỷ ban|hội đồng) [\\p{L} ]{2,30}? trung ương(?! (đảng|đoàn)(?![\\p{L}]))|(ban thường trực )?uỷ ban trung ương (mặt trận tổ quốc|mttq)( việt nam)?|trung ương (đoàn|hội [\\p{L} ]{2,30}?)|cụm thi đua[^.;\\n]{0,120}?)";
/** A place named as a venue only: "tại thành phố Huế", "tại TP. Cần Thơ", "tại Hà Nội", "tại tỉnh Lâm Đồng". */
const PLACE = "tại ((thành phố|tp\\.?|tỉnh) )?[\\p{L}]+( [\\p{L}]+){0,3}";
/** "[date], tại <place>, <central body> (đã) tổ chức" or "<central body> (đã) tổ chức … tại thành phố <place>". */
const VENUE_FIRST = rx(`(?<![\\p{L}])${PLACE}\\s*,\\s*${CENTRAL}\\s+(đã\\s+)?(tổ chức|khai mạc|họp)(?![\\p{L}])`);
const BODY_FIRST = rx(`(?<![\\p{L}])${CENTRAL}\\s+(đã\\s+)?tổ chức(?![\\p{L}])[^.\\n]{0,200}?(?<![\\p{L}])tại (thành phố|tp\\.?|tỉnh) `);

/**
 * Whether the lead of a text (`key` folded, its first 800 characters) is a meeting that a body above the provinces holds
 * in a place that only hosts it: "Sáng 5/3, tại TP. Vinh, Ban Tuyên giáo Trung ương tổ chức hội nghị báo cáo viên …".
 * A central body that works with a province ("Đoàn công tác Ban Dân vận Trung ương làm việc với Tỉnh ủy A") is not one.
 */
export function centralMeeting(key: string): boolean {
  const lead = key.slice(0, 800);
  return VENUE_FIRST.test(lead) || BODY_FIRST.test(lead);
}
