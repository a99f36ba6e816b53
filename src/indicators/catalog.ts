/**
 * The default indicator catalog (../../../shared/spec/indicators.md): keys are stable identifiers
 * used by the API, the extractor, imports and exports; labels are what users read.
 */
export type Aggregation = "sum" | "rate";

export interface IndicatorDef {
  key: string;
  label: string;
  unit: string;
  /** sum: adds up; rate: a reported percentage, never added. Ratios are sums with a denominator. */
  aggregation: Aggregation;
  /** The indicator a "34/37"-style figure pairs with: the ratio is sum(this)/sum(denominator). */
  denominator: string | null;
  section: SectionKey;
}

/** Report outline sections the catalog groups indicators into (order = report order). */
export const SECTIONS = {
  leadership: "Lãnh đạo, chỉ đạo, quán triệt",
  reception: "Tiếp công dân, đối thoại, giải quyết đơn thư",
  oversight: "Giám sát, kiểm tra",
  mediation: "Hòa giải ở cơ sở",
  campaign: "Phát động quần chúng",
  dvk: "Phong trào thi đua \"Dân vận khéo\"",
  contrib: "Vận động Nhân dân đóng góp",
  socioeconomic: "Kinh tế - xã hội, quốc phòng - an ninh",
  awards: "Khen thưởng",
  other: "Chỉ tiêu khác",
} as const;
export type SectionKey = keyof typeof SECTIONS;

const s = (key: string, label: string, unit: string, section: SectionKey, denominator: string | null = null): IndicatorDef =>
  ({ key, label, unit, aggregation: "sum", denominator, section });

/** Every key the product must ship. */
export const DEFAULT_CATALOG: readonly IndicatorDef[] = [
  s("docs.issued", "Văn bản lãnh đạo, chỉ đạo ban hành", "văn bản", "leadership"),
  s("dissemination.conferences", "Hội nghị quán triệt, tuyên truyền", "hội nghị", "leadership"),
  s("dissemination.attendees", "Lượt người dự hội nghị quán triệt", "lượt người", "leadership"),
  s("reception.turns", "Lượt tiếp công dân", "lượt", "reception"),
  s("reception.people", "Số người được tiếp", "người", "reception"),
  s("petitions.received", "Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận", "đơn", "reception"),
  s("petitions.resolved", "Đơn thư đã giải quyết", "đơn", "reception", "petitions.received"),
  { key: "petitions.resolution_rate", label: "Tỷ lệ đơn thư được giải quyết", unit: "%", aggregation: "rate", denominator: null, section: "reception" },
  s("dialogues.held", "Cuộc đối thoại của người đứng đầu với Nhân dân", "cuộc", "reception"),
  s("dialogues.turns", "Lượt đối thoại của người đứng đầu", "lượt", "reception"),
  s("oversight.count", "Cuộc khảo sát, giám sát", "cuộc", "oversight"),
  s("oversight.teams", "Đoàn giám sát thành lập", "đoàn", "oversight"),
  s("inspection.teams", "Đoàn/cuộc kiểm tra", "đoàn", "oversight"),
  s("campaign.rounds", "Đợt phát động quần chúng", "đợt", "campaign"),
  s("campaign.sessions", "Buổi phát động, tuyên truyền vận động", "buổi", "campaign"),
  s("campaign.teams", "Đoàn, đội công tác phát động quần chúng", "đoàn", "campaign"),
  s("campaign.participants", "Lượt người tham gia phát động", "lượt người", "campaign"),
  s("campaign.villages_reached", "Thôn, buôn, tổ dân phố được phát động", "thôn", "campaign", "villages.total"),
  s("villages.total", "Tổng số thôn, buôn, tổ dân phố", "thôn", "campaign"),
  s("outreach.sessions", "Buổi thâm nhập, bám cơ sở tuyên truyền", "buổi", "campaign"),
  s("mediation.cases", "Vụ việc đưa ra hòa giải ở cơ sở", "vụ", "mediation"),
  s("mediation.successful", "Vụ việc hòa giải thành", "vụ", "mediation", "mediation.cases"),
  s("dvk.models", "Mô hình \"Dân vận khéo\"", "mô hình", "dvk"),
  s("dvk.exemplars", "Điển hình \"Dân vận khéo\" (tập thể, cá nhân)", "điển hình", "dvk"),
  s("contrib.money_vnd", "Kinh phí vận động, xã hội hóa", "đồng", "contrib"),
  s("contrib.land_m2", "Diện tích đất Nhân dân hiến", "m²", "contrib"),
  s("contrib.labor_days", "Ngày công đóng góp", "ngày công", "contrib"),
  s("contrib.trees", "Cây giống, cây xanh vận động", "cây", "contrib"),
  s("contrib.houses", "Nhà đại đoàn kết, nhà tình nghĩa", "căn", "contrib"),
  s("ocop.products", "Sản phẩm OCOP", "sản phẩm", "socioeconomic"),
  s("new_rural.communes", "Xã đạt chuẩn nông thôn mới", "xã", "socioeconomic", "communes.total"),
  s("new_rural.advanced", "Xã đạt chuẩn nông thôn mới nâng cao", "xã", "socioeconomic", "communes.total"),
  s("communes.total", "Tổng số xã, phường, thị trấn", "xã", "socioeconomic"),
  s("schools.standard", "Trường đạt chuẩn quốc gia", "trường", "socioeconomic", "schools.total"),
  s("schools.total", "Tổng số trường", "trường", "socioeconomic"),
  s("military.returnees", "Quân nhân hoàn thành nghĩa vụ trở về địa phương", "quân nhân", "socioeconomic"),
  s("awards.collectives", "Tập thể được khen thưởng", "tập thể", "awards"),
  s("awards.individuals", "Cá nhân được khen thưởng", "cá nhân", "awards"),
];

/** Disaggregation categories (DHIS2 "categories") available on any indicator. */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ key: string; label: string; options: Array<{ key: string; label: string }> }> = [
  { key: "topic", label: "Nội dung khen thưởng", options: [{ key: "dvk", label: "Dân vận khéo" }, { key: "qcdc", label: "Quy chế dân chủ" }] },
  { key: "level", label: "Cấp tổ chức", options: [{ key: "tinh", label: "Cấp tỉnh" }, { key: "huyen", label: "Cấp huyện" }, { key: "xa", label: "Cấp xã" }] },
  {
    key: "petition_type",
    label: "Loại đơn",
    options: [
      { key: "khieu_nai", label: "Khiếu nại" }, { key: "to_cao", label: "Tố cáo" },
      { key: "kien_nghi", label: "Kiến nghị" }, { key: "phan_anh", label: "Phản ánh" },
    ],
  },
  { key: "recipient", label: "Đối tượng", options: [{ key: "tap_the", label: "Tập thể" }, { key: "ca_nhan", label: "Cá nhân" }] },
];

/**
 * Breakdown options that name a level of the administrative structure ("Cấp huyện"): offered only
 * for periods that start while that level exists (districts ended on 30 June 2025, so a 2026 form
 * has no "Cấp huyện"; a 2024 one keeps it).
 */
export const OPTION_LEVELS: Readonly<Record<string, "province" | "district" | "commune">> = { "level=tinh": "province", "level=huyen": "district", "level=xa": "commune" };

/** The categories with only the options offered in a period whose structure has `levels` (pure). */
export function offeredOptions<C extends { key: string; options: ReadonlyArray<{ key: string }> }>(categories: readonly C[], levels: ReadonlySet<string>): C[] {
  return categories.map((c) => ({ ...c, options: c.options.filter((o) => { const l = OPTION_LEVELS[`${c.key}=${o.key}`]; return !l || levels.has(l); }) }));
}
