/**
 * Scope rules for texts whose subject is a whole level ("Mặt trận cấp huyện", "các cấp Hội"), whose sites are listed
 * under different parents, and whose units are named only in another thing's name (a contest's, a donor's): the unit
 * the text reports from is above them. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a whole level as the subject reports from the level above", () => {
  test("'Mặt trận cấp huyện tổ chức …' beside a district singled out: the province", () => {
    const t = "Mặt trận cấp huyện tổ chức 20 cuộc giám sát\nQuý II, Mặt trận cấp huyện tổ chức 20 cuộc giám sát, cấp xã tổ chức 31 cuộc. Về phản biện xã hội, huyện Krông Pa là điểm sáng khi Mặt trận huyện tổ chức phản biện dự thảo Đề án phát triển du lịch huyện Krông Pa.\nMặt trận huyện Krông Pa tổ chức hội nghị phản biện.\nỦy ban MTTQ Việt Nam tỉnh đã hướng dẫn Mặt trận các cấp giám sát.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("a district's own contest 'cấp huyện' is no whole level: the district", () => {
    const t = "Hội Nông dân huyện Krông Pa tổ chức Hội thi hòa giải viên giỏi cấp huyện\nNgày 12/5, Hội Nông dân huyện Krông Pa tổ chức Hội thi hòa giải viên giỏi cấp huyện năm 2023 với 14 đội thi. Hội thi cấp huyện giúp hội viên nắm vững pháp luật.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
});

describe("scope: an organ that gives, after 'do' or as the funds' source, does not speak", () => {
  test("'nhà do Ban Vận động … tỉnh hỗ trợ', 'bằng nguồn của … tỉnh A', no receipt named: the district that builds", () => {
    const t = "Năm nay, ngoài 40 nhà đại đoàn kết do Ban Vận động Quỹ Vì người nghèo tỉnh hỗ trợ, huyện Krông Pa còn được doanh nghiệp giúp 1,5 tỷ đồng. Huyện Krông Pa sẽ hoàn thành 60 nhà trong quý IV, bằng nguồn của Ban Vận động Quỹ Vì người nghèo tỉnh Gia Lai và các nhà hảo tâm.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
  test("the province's own organs that act stay the province's", () => {
    const t = "Năm 2023, Ủy ban MTTQ Việt Nam tỉnh Gia Lai đã vận động xây dựng 400 nhà đại đoàn kết do Quỹ Vì người nghèo tỉnh hỗ trợ cho các hộ nghèo ở huyện Krông Pa và huyện Ia Pa.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
});
