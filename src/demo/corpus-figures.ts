/**
 * Figures of the five dev-corpus reports, under their real units and periods (area totals: the
 * reports speak for the whole district or province). From shared/dev-corpus/gold.
 */
export interface DemoFigure {
  unitCode: string;
  period: string;
  indicator: string;
  value: number;
  kind: "own" | "area";
  disagg?: string;
  comment: string;
}

const krongPa = "Báo cáo tổng kết công tác dân vận năm 2023, huyện Krông Pa";
const lak = "Báo cáo tổng kết công tác dân vận năm 2023, huyện Lắk";
const locNinh = "Tin: công tác dân vận của chính quyền quý I/2024, huyện Lộc Ninh";
const langSon = "Tổng kết năm 2019, tỉnh Lạng Sơn";

const a = (unitCode: string, period: string, comment: string, rows: Array<[string, number, string?]>): DemoFigure[] =>
  rows.map(([indicator, value, disagg]) => ({ unitCode, period, indicator, value, kind: "area", comment, ...(disagg ? { disagg } : {}) }));

export const CORPUS_FIGURES: DemoFigure[] = [
  ...a("637", "2023", krongPa, [
    ["dialogues.held", 19], ["oversight.count", 27], ["mediation.successful", 34], ["mediation.cases", 37], ["military.returnees", 158],
    ["awards.collectives", 4, "topic=dvk"], ["awards.individuals", 2, "topic=dvk"], ["awards.collectives", 13, "topic=qcdc"], ["awards.individuals", 10, "topic=qcdc"],
  ]),
  // The district leaders' own 3 dialogue turns (the other 16 were by the communes' party secretaries).
  { unitCode: "637", period: "2023", indicator: "dialogues.turns", value: 3, kind: "own", comment: krongPa },
  ...a("656", "2023", lak, [
    ["campaign.rounds", 4], ["campaign.sessions", 61], ["campaign.villages_reached", 83], ["villages.total", 109], ["campaign.participants", 5300],
    ["campaign.teams", 75], ["outreach.sessions", 75], ["dissemination.conferences", 107], ["dissemination.attendees", 8000],
    ["oversight.teams", 2], ["inspection.teams", 4], ["contrib.land_m2", 22590], ["contrib.money_vnd", 2631000000], ["contrib.labor_days", 722],
    ["contrib.trees", 104508], ["awards.collectives", 3], ["awards.individuals", 6],
  ]),
  ...a("692", "2024Q1", locNinh, [
    ["new_rural.communes", 14], ["new_rural.advanced", 3], ["communes.total", 15], ["ocop.products", 23], ["reception.turns", 71],
    ["reception.people", 98], ["docs.issued", 15], ["petitions.received", 35], ["schools.standard", 19], ["schools.total", 46],
  ]),
  ...a("20", "2019", langSon, [["reception.turns", 2213], ["petitions.received", 364], ["petitions.resolution_rate", 93.1]]),
];
