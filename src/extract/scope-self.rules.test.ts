/**
 * A report's section on its place's features describes its unit by name and type after "là" ("A là một xã nằm phía
 * nam huyện B"): that unit reports, not the district it lies in. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const unit = (t: string) => extractReport(t).scope.unit;

describe("scope: a unit described as 'A là (một) xã …'", () => {
  test("'Hoằng Thái là một xã nằm phía nam huyện Hoằng Hoá': the commune", () => {
    assert.equal(unit("I. ĐẶC ĐIỂM TÌNH HÌNH\nHoằng Thái là một xã nằm phía nam huyện Hoằng Hoá, cách trung tâm huyện 3 km. Toàn xã có 10 thôn, Đảng bộ có 240 đảng viên. Trong năm đã tổ chức 4 cuộc đối thoại với nhân dân."), "xã Hoằng Thái");
  });
  test("a name that is no unit of that type gives nothing ('Hội Nông dân là …')", () => {
    assert.equal(unit("Krông Pa là huyện có đông đồng bào dân tộc thiểu số. Ban Dân vận Huyện ủy tổ chức 12 cuộc đối thoại."), "huyện Krông Pa");
    assert.equal(unit("Mặt trận là nơi tập hợp. Huyện ủy Krông Pa tổ chức 12 cuộc đối thoại."), "huyện Krông Pa");
  });
  test("a commune a district's text describes among others does not outweigh the district's organs", () => {
    assert.equal(unit("Huyện ủy Krông Pa tổ chức tổng kết công tác dân vận năm 2024. Ia Mlah là xã điểm của huyện về dân vận khéo. Ban Dân vận Huyện ủy đã tổ chức 12 cuộc đối thoại; UBND huyện tiếp 40 lượt công dân."), "huyện Krông Pa");
  });
});
