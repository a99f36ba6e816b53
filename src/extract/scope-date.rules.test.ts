/**
 * The year of a period named without one ("sơ kết 6 tháng đầu năm", "Năm qua") taken from a news page's date
 * line, in the forms portals print it: "Cập nhật: 15/07/2024 08:30", "Ngày đăng 18/07/2024 | 11:39",
 * "Thứ 5, 19.11.2020 | 09:25:22", "09:12, 06/12/2016", "Cập nhật: 20-12-2023 | 19:45:52". Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const period = (t: string) => extractReport(t).scope.period;
const HALF = "Ban Dân vận Huyện ủy Krông Pắc sơ kết công tác dân vận 6 tháng đầu năm. Trong 6 tháng, các cấp tổ chức 25 cuộc đối thoại.";
const YEAR = "Ban Dân vận Huyện ủy Krông Pắc tổng kết công tác dân vận. Năm qua, các cấp tổ chức 25 cuộc đối thoại.";

describe("scope: the year of a period from the page's date line", () => {
  test("a date line with a label, a weekday or a time before or after the date", () => {
    assert.equal(period(`Cập nhật: 15/07/2024 08:30\n${HALF}`), "2024S1");
    assert.equal(period(`Ngày đăng 18/07/2024 | 11:39  | Lượt xem: 95\n${HALF}`), "2024S1");
    assert.equal(period(`Thứ 5, 19.07.2020 | 09:25:22\n${HALF}`), "2020S1");
    assert.equal(period(`${HALF.split(".")[0]}.\n09:12, 06/07/2016\n${HALF.split(". ")[1]}`), "2016S1");
    assert.equal(period(`Cập nhật: 20-12-2023 | 19:45:52\n${YEAR}`), "2023");
    assert.equal(period(`Cập nhật: 10-01-2024 | 19:45:52\n${YEAR}`), "2023");
  });
  test("a page's stamp of a time and a date run on after the headline: '… 09:21 19/07/2020 (Mặt trận) -'", () => {
    assert.equal(period(`Krông Pắc: Sơ kết công tác dân vận 09:21 19/07/2020 (Mặt trận) -${HALF}`), "2020S1");
  });
  test("a dated headline of another page or a date inside a sentence is no date line", () => {
    assert.equal(period(`Xã Cư Ni tổ chức đối thoại với Nhân dân trong dịp Tết năm mới (12/01/2024)\n${HALF}`), null);
  });
});

describe("scope: a period named only as the context of a short event", () => {
  const EVENT = "Huyện đoàn Tân Lập ra quân Ngày Chủ nhật xanh\n\nTrong 2 ngày 21 và 22/9/2021, Huyện đoàn Tân Lập ra quân tại 12 xã, thu hút 1.500 lượt đoàn viên tham gia.";
  test("nine months named once, in a sentence without figures, beside a two-day event are not the figures' period", () => {
    assert.equal(period(`${EVENT} Hoạt động nằm trong chuỗi phong trào thi đua 9 tháng năm 2021 của tuổi trẻ huyện.`), null);
    assert.equal(period(`${EVENT.replace("Trong 2 ngày 21 và 22/9/2021", "Từ ngày 20 đến 22/9/2021")} Đây là hoạt động thi đua 6 tháng cuối năm 2021.`), null);
  });
  test("nine months with figures of their own, or reviewed, stay the period", () => {
    assert.equal(period(`${EVENT} 9 tháng năm 2021, Huyện đoàn đã tổ chức 40 buổi tuyên truyền.`), "2021N9");
    assert.equal(period(`${EVENT} Dịp này, Huyện đoàn sơ kết công tác đoàn 9 tháng năm 2021.`), "2021N9");
  });
});

describe("scope: the year of a period from a closing dated byline", () => {
  const NINE = "Sơ kết công tác dân vận 9 tháng\nNăm nay, Ban Dân vận Huyện ủy Krông Pắc chỉ đạo xây dựng 45 mô hình. Trong 9 tháng đầu năm, các cấp tổ chức 25 cuộc đối thoại.";
  test("the byline's date on the last line gives the year of '9 tháng' named without one", () => {
    assert.equal(period(`${NINE}\nMinh Long - 12/10/2024`), "2024N9");
    assert.equal(period(`${NINE}\n\nTheo Báo Gia Lai (15.10.2023)`), "2023N9");
    assert.equal(period(`${YEAR}\nMinh Long - 10/01/2024`), "2023");
  });
});

describe("scope: a date written in words is no period", () => {
  test("'ngày 9 tháng 10 năm 2020' names a day, not nine months", () => {
    assert.equal(period("Ngày 9 tháng 10 năm 2020, Ủy ban MTTQ xã Lực Hành giám sát làm 200 m đường bê tông."), null);
    assert.equal(period("Thứ Sáu, ngày 6 tháng 10 năm 2020 - 17:00\nỦy ban MTTQ xã tổ chức giám sát 5 công trình."), null);
    // Nine months named as such keep their year.
    assert.equal(period("Ngày 9 tháng 10 năm 2020, Ủy ban MTTQ xã sơ kết 9 tháng năm 2020: giám sát 5 công trình."), "2020N9");
  });
});

describe("scope: a year a campaign is launched for", () => {
  test("'phát động và ký kết phong trào thi đua năm 2023' launches next year's work; the results reported are the year before's", () => {
    const t = "Ủy ban MTTQ Việt Nam huyện Mường Lát phát động và ký kết phong trào thi đua năm 2023\nNgày 11/1, Ủy ban MTTQ Việt Nam huyện phát động và ký kết phong trào thi đua năm 2023. Tại hội nghị, Phó Chủ tịch thông báo tình hình kết quả công tác Mặt trận năm 2022, qua đó, Ủy ban MTTQ các cấp thường xuyên đổi mới tuyên truyền. Quỹ “Vì người nghèo” được 2,4 tỷ đồng.\nQuang cảnh ký kết thi đua năm 2023";
    assert.equal(period(t), "2022");
    // A launch that reports its own year's figures keeps that year.
    assert.equal(period("Xã Mường Lý phát động Tháng Dân vận năm 2025\nNgày 12/12, Đảng ủy xã phát động Tháng Dân vận năm 2025. Năm 2025, xã vận động 2 tỷ đồng làm 5 km đường."), "2025");
    // A plan word in the sentence before is not the year's: "… các mục tiêu phát triển. Năm 2025, …".
    assert.equal(period("Xã Mường Lý phát động Tháng Dân vận năm 2025\nNgày 12/12, Đảng ủy xã tổ chức Lễ phát động Tháng Dân vận năm 2025. Công tác dân vận góp phần thực hiện các nhiệm vụ, mục tiêu phát triển kinh tế. Năm 2025, xã vận động 2 tỷ đồng làm 5 km đường."), "2025");
  });
});

describe("scope: a half year reviewed as 'sơ kết 6 tháng thực hiện'", () => {
  test("'Sơ kết 6 tháng thực hiện phong trào … năm 2024' reviews the first half of the movement's year", () => {
    assert.equal(period("Sơ kết 6 tháng thực hiện phong trào “Dân vận khéo” năm 2024\nTrong 6 tháng, huyện Mường Lát xây dựng 45 mô hình."), "2024S1");
    assert.equal(period("Huyện Mường Lát sơ kết 9 tháng thực hiện phong trào thi đua năm 2024\nToàn huyện xây dựng 45 mô hình."), "2024N9");
  });
  test("six months of a model's work, not reviewed, are no half year", () => {
    assert.equal(period("Sau 6 tháng thực hiện, mô hình đã giúp 20 hộ thoát nghèo. Năm 2024, huyện Mường Lát xây dựng 45 mô hình."), "2024");
  });
});

describe("scope: a title that joins two periods, one holding the other", () => {
  test("'quý I và 6 tháng đầu năm 2024' reports the half year; 'quý III và 9 tháng năm 2023' the nine months", () => {
    assert.equal(period("Báo cáo quý I và 6 tháng đầu năm 2024 của Ban Dân vận Huyện ủy Đồng Lâm\nTrong quý I, toàn huyện vận động được 120 triệu đồng."), "2024S1");
    assert.equal(period("Kết quả công tác dân vận quý III và 9 tháng năm 2023\nCác cấp đã tổ chức 14 cuộc đối thoại."), "2023N9");
  });
  test("a plan's period joined in the title changes nothing", () => {
    assert.equal(period("Kết quả quý I năm 2024 và nhiệm vụ 6 tháng đầu năm 2024\nCác cấp đã tổ chức 14 cuộc đối thoại."), "2024Q1");
  });
});

describe("scope: the results of 'năm qua' in a title dated early the next year", () => {
  test("'Kết quả công tác dân vận năm qua và phương hướng, nhiệm vụ năm 2024' dated January 2024 reviews 2023", () => {
    assert.equal(period("Kết quả công tác dân vận năm qua và phương hướng, nhiệm vụ năm 2024\nNgày 10/01/2024, Ban Dân vận Huyện ủy Chợ Mới tổ chức hội nghị. Năm qua, toàn huyện có 45 mô hình dân vận khéo."), "2023");
  });
  test("results named without 'năm qua' keep the year named", () => {
    assert.equal(period("Kết quả công tác dân vận và phương hướng, nhiệm vụ năm 2024\nNgày 10/01/2024, Ban Dân vận Huyện ủy Chợ Mới tổ chức hội nghị. Toàn huyện có 45 mô hình dân vận khéo."), "2024");
  });
});

describe("scope: a page's time and date parted by a bar", () => {
  test("'08:45 | 09/10/2023' opening the page dates it: a quarter named without its year is that year's", () => {
    assert.equal(period("08:45 | 09/10/2023\nSơ kết công tác dân vận quý III\nBan Dân vận Huyện ủy Krông Pắc sơ kết công tác dân vận quý III. Trong quý, các cấp tổ chức 9 cuộc đối thoại."), "2023Q3");
    assert.equal(period(`Sơ kết công tác dân vận\n${HALF}\n16:05 | 08/07/2022`), "2022S1");
  });
});

describe("scope: the headline under a page's time-and-date line", () => {
  test("'08:45 | 09/10/2023' or '08:45, 09/10/2023' above the headline is not the headline: 'Krông Pắc: Sơ kết …' names the district", () => {
    const body = "\nKrông Pắc: Sơ kết công tác dân vận quý III\nBan Dân vận Huyện ủy sơ kết công tác dân vận quý III. Trong quý, các cấp tổ chức 9 cuộc đối thoại.";
    assert.equal(extractReport(`08:45 | 09/10/2023${body}`).scope.unit, "huyện Krông Pắc");
    assert.equal(extractReport(`08:45, 09/10/2023${body}`).scope.unit, "huyện Krông Pắc");
  });
});

describe("scope: figures to a day of the year cover no standard period", () => {
  test("'Từ đầu năm đến ngày 15.9 … so với cùng kỳ năm 2022': no period, not the year compared with", () => {
    assert.equal(period("Krông Pắc chú trọng tiếp công dân\nTừ đầu năm đến ngày 15.9, UBND huyện Krông Pắc đã tiếp 210 lượt công dân, tăng 40 lượt so với cùng kỳ năm 2022."), null);
  });
  test("a title that names its period keeps it", () => {
    assert.equal(period("Sơ kết công tác tiếp công dân 6 tháng đầu năm 2023\nTừ đầu năm đến ngày 14/6, huyện Krông Pắc đã tiếp 120 lượt công dân."), "2023S1");
  });
  test("a full date with 'thang' typed without its mark dates the document, not the period of its figures", () => {
    const event = "UBND xã Ea Tul tổ chức hội nghị đối thoại với Nhân dân. Có 120 người tham dự.";
    assert.equal(period(`Ngày 25 thang 11 năm 2022, ${event}`), null);
    assert.equal(period(`Ngày 25 tháng 11 năm 2022, ${event}`), null);
    assert.equal(period(`Ngày 25 thang 11 năm 2022, Ban Dân vận tổng kết công tác dân vận năm 2022. ${event}`), "2022");
  });
});
