/**
 * The report outline (pure): the central Ban Dân vận's annual outline (shared/spec/domain.md), the
 * same for every report, adapted to who issues it. Party reports of a Ban have section III on the
 * Ban's own work; a Đảng ủy or an Ủy ban nhân dân has no such section, and a UBND report speaks of
 * its own leadership and of working with the Front rather than of "các cấp ủy đảng". Every leaf
 * section is required: a report is issued only when each has figures or accepted text.
 */
import { periodLabel, type Period } from "../core/period.ts";
import type { DocStyle } from "./format.ts";
import { upper } from "./format.ts";

/** Keys of the sections people write or accept (stored with the submission or the report). */
export const NARRATIVE_KEYS = {
  overview: "Khái quát tình hình",
  party: "Công tác dân vận của các cấp ủy đảng",
  government: "Công tác dân vận của chính quyền",
  front: "Công tác dân vận của Mặt trận Tổ quốc, các đoàn thể",
  ethnic_religion: "Công tác dân tộc, tôn giáo",
  ban: "Hoạt động của Ban",
  strengths: "Ưu điểm",
  weaknesses: "Hạn chế, nguyên nhân",
  lessons: "Bài học kinh nghiệm",
  proposals: "Kiến nghị, đề xuất",
  tasks: "Phương hướng, nhiệm vụ",
} as const;
export type NarrativeKey = keyof typeof NARRATIVE_KEYS;

/** The sections that need a person's judgement: drafted from the data, issued only once accepted. */
export const JUDGEMENT_KEYS: readonly NarrativeKey[] = ["strengths", "weaknesses", "lessons", "proposals", "tasks"];

/**
 * part: PHẦN THỨ…; group: a heading over subsections; data: figures written from the data plus
 * what people wrote; judgement: a draft from the data until a person accepts or rewrites it.
 */
export type SectionKind = "part" | "group" | "data" | "judgement";

export interface OutlineEntry {
  key: string;
  /** 0: PHẦN; 1: I, II…; 2: 1, 2… */
  depth: 0 | 1 | 2;
  heading: string;
  kind: SectionKind;
  editableKey: NarrativeKey | null;
  /** Numbered ("I.", "2.") or standing alone (the single body of PHẦN THỨ HAI). */
  numbered: boolean;
}

export interface OutlineContext {
  style: DocStyle;
  period: Period;
  /** The issuing Ban's name ("Ban Dân vận", "Ban Tuyên giáo và Dân vận"), or null when no Ban issues it. */
  ban: string | null;
  commune: boolean;
}

/** The label of the period after this one, for PHẦN THỨ HAI ("năm 2024", "quý II năm 2024"). */
export function nextPeriodLabel(p: Period): string {
  switch (p.type) {
    case "year":
      return `năm ${p.year + 1}`;
    case "six_months":
      return p.startMonth === 1 ? `6 tháng cuối năm ${p.year}` : `6 tháng đầu năm ${p.year + 1}`;
    case "nine_months":
      return `quý IV năm ${p.year}`;
    case "quarter":
      return p.endMonth === 12 ? `quý I năm ${p.year + 1}` : `quý ${["I", "II", "III", "IV"][p.endMonth / 3]} năm ${p.year}`;
    case "month":
      return p.endMonth === 12 ? `tháng 1 năm ${p.year + 1}` : `tháng ${p.endMonth + 1} năm ${p.year}`;
  }
}

/** The outline of one report, in order. */
export function outlineOf(c: OutlineContext): OutlineEntry[] {
  const label = periodLabel(c.period);
  const state = c.style === "state";
  const e = (key: string, depth: 0 | 1 | 2, heading: string, kind: SectionKind, editableKey: NarrativeKey | null = null, numbered = true): OutlineEntry =>
    ({ key, depth, heading, kind, editableKey, numbered });
  return [
    e("part1", 0, upper(state ? `Kết quả thực hiện công tác dân vận ${label}` : `Đánh giá công tác dân vận ${label}`), "part"),
    e("overview", 1, "Khái quát tình hình", "data", "overview"),
    e("system", 1, state ? "Kết quả thực hiện công tác dân vận" : "Công tác dân vận của hệ thống chính trị", "group"),
    e("party", 2, state ? "Công tác lãnh đạo, chỉ đạo" : c.commune ? "Công tác dân vận của cấp ủy đảng" : "Công tác dân vận của các cấp ủy đảng", "data", "party"),
    e("government", 2, state ? "Công tác dân vận chính quyền" : "Công tác dân vận của chính quyền", "data", "government"),
    e("front", 2, state ? "Phối hợp với Mặt trận Tổ quốc, các đoàn thể" : "Công tác dân vận của Mặt trận Tổ quốc, các đoàn thể", "data", "front"),
    e("ethnic_religion", 2, "Công tác dân tộc, tôn giáo", "data", "ethnic_religion"),
    ...(c.ban && !state ? [e("ban", 1, `Hoạt động của ${c.ban}`, "data", "ban")] : []),
    e("assessment", 1, "Đánh giá chung", "group"),
    e("strengths", 2, "Ưu điểm", "judgement", "strengths"),
    e("weaknesses", 2, "Hạn chế, nguyên nhân", "judgement", "weaknesses"),
    e("lessons", 2, "Bài học kinh nghiệm", "judgement", "lessons"),
    e("proposals", 2, "Kiến nghị, đề xuất", "judgement", "proposals"),
    e("part2", 0, upper(`Phương hướng, nhiệm vụ ${nextPeriodLabel(c.period)}`), "part"),
    e("tasks", 1, "Phương hướng, nhiệm vụ", "judgement", "tasks", false),
  ];
}

/**
 * The outline section a catalog section's figures are written in. A Ban's report gives its own
 * work (giám sát, phát động quần chúng, Dân vận khéo, khen thưởng) a section; others put it under
 * the Party committees (Party) or the government's work (State).
 */
export function sectionFor(catalogSection: string, c: Pick<OutlineContext, "style" | "ban">): string {
  switch (catalogSection) {
    case "socioeconomic":
      return "overview";
    case "leadership":
      return "party";
    case "reception":
    case "mediation":
      return "government";
    case "contrib":
      return "front";
    default:
      return c.style === "state" ? "government" : c.ban ? "ban" : "party";
  }
}
