/**
 * Pure, dependency-free: the registers' words — field names, the labels of every coded value, the
 * Dân vận khéo path. Shared by the services, the exports and the web client (which must not pull
 * zod into the browser bundle).
 */

export const LEADER_TITLES = { bi_thu: "Bí thư cấp ủy (người đứng đầu cấp ủy)", chu_tich_ubnd: "Chủ tịch UBND", khac: "Lãnh đạo khác" } as const;

export const DVK_FIELDS = {
  kinh_te: "Kinh tế", van_hoa_xa_hoi: "Văn hóa – xã hội", quoc_phong_an_ninh: "Quốc phòng – an ninh", xay_dung_he_thong_chinh_tri: "Xây dựng hệ thống chính trị",
} as const;

export const LEVELS = { trung_uong: "Trung ương", tinh: "Cấp tỉnh", huyen: "Cấp huyện", xa: "Cấp xã" } as const;
export type Level = keyof typeof LEVELS;
/** The first day without districts (the 2025 reform: province → commune from 1 July 2025). */
export const NO_DISTRICT_FROM = "2025-07-01";
/** The levels a record dated `date` (ISO) may name: "Cấp huyện" only before 1 July 2025. */
export function levelsOn(date: string): Partial<Record<Level, string>> {
  if (date && date < NO_DISTRICT_FROM) return LEVELS;
  const { huyen: _gone, ...rest } = LEVELS;
  return rest;
}

export const KIND_LABELS: Record<string, string> = {
  reception: "Tiếp công dân", dialogue: "Đối thoại", team: "Tổ hòa giải", case: "Vụ việc hòa giải", campaign: "Phát động quần chúng",
  supervision: "Giám sát", survey: "Khảo sát", inspection: "Kiểm tra", model: "Mô hình", exemplar: "Điển hình", tap_the: "Tập thể", ca_nhan: "Cá nhân",
};

export const DVK_STATES = ["registered", "in_progress", "assessed", "recognised", "outstanding", "commended"] as const;
export type DvkState = (typeof DVK_STATES)[number];
export const DVK_STATE_LABELS: Record<DvkState, string> = {
  registered: "Đăng ký", in_progress: "Đang thực hiện", assessed: "Đã đánh giá", recognised: "Được công nhận", outstanding: "Tiêu biểu", commended: "Được khen thưởng",
};
export const DVK_NEXT: Record<DvkState, readonly DvkState[]> = {
  registered: ["in_progress"], in_progress: ["assessed"], assessed: ["recognised"], recognised: ["outstanding", "commended"], outstanding: ["commended"], commended: [],
};

export const RECEPTION_KINDS = { reception: "Tiếp công dân", dialogue: "Đối thoại" } as const;
export const GENDERS = { nam: "Nam", nu: "Nữ" } as const;
export const TEAM_ROLES = { to_truong: "Tổ trưởng", hoa_giai_vien: "Hòa giải viên" } as const;
export const MEDIATION_RESULTS = { dang_hoa_giai: "Đang hòa giải", thanh: "Hòa giải thành", khong_thanh: "Hòa giải không thành" } as const;
export const OVERSIGHT_KINDS = { campaign: "Phát động quần chúng", supervision: "Giám sát", survey: "Khảo sát", inspection: "Kiểm tra" } as const;
export const DVK_KINDS = { model: "Mô hình", exemplar: "Điển hình" } as const;
export const SUBJECTS = { tap_the: "Tập thể", ca_nhan: "Cá nhân" } as const;
export const TOPICS = { dvk: "Dân vận khéo", qcdc: "Quy chế dân chủ", khac: "Khác" } as const;

/** Vietnamese column names of the record fields. */
export const FIELD_LABELS: Record<string, string> = {
  leaderName: "Người tiếp / chủ trì", leaderTitle: "Chức danh", leaderTitleText: "Chức danh (ghi rõ)", place: "Địa điểm", turns: "Số lượt", people: "Số người",
  participants: "Thành phần", matters: "Nội dung, kết luận, theo dõi", name: "Tên", village: "Thôn, tổ dân phố", members: "Thành viên",
  teamId: "Tổ hòa giải (mã)", mediators: "Hòa giải viên", parties: "Các bên", matter: "Nội dung vụ việc", agreement: "Thỏa thuận", result: "Kết quả",
  resultDate: "Ngày kết thúc", followUp: "Theo dõi thực hiện", endDate: "Ngày kết thúc", title: "Tên cuộc/đợt", subjects: "Đối tượng", topics: "Chủ đề",
  sessions: "Số buổi", teams: "Số đoàn, đội", villagesReached: "Số thôn được phát động", villagesTotal: "Tổng số thôn", findings: "Kết quả, phát hiện",
  recommendations: "Kiến nghị (đã thực hiện?)", subject: "Tập thể / cá nhân", holder: "Chủ thể thực hiện", field: "Lĩnh vực", description: "Mô tả",
  recipient: "Người / tập thể được khen", topic: "Nội dung", level: "Cấp", form: "Hình thức", decisionNo: "Số quyết định", reason: "Thành tích",
};

export const VALUE_LABELS: Record<string, string> = {
  ...KIND_LABELS, ...DVK_FIELDS, ...LEVELS, ...GENDERS, ...TEAM_ROLES, ...TOPICS, bi_thu: "Bí thư cấp ủy", chu_tich_ubnd: "Chủ tịch UBND", khac: "Khác",
  thanh: "Thành", khong_thanh: "Không thành", dang_hoa_giai: "Đang hòa giải",
};

/** What a reader who does not handle a tố cáo sees in place of the denouncer's details (Luật Tố cáo 2018 Điều 47). */
export const IDENTITY_MASK = "Đã ẩn theo Luật Tố cáo";
