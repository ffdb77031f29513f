import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { DongIndex, type Dong } from "@/lib/dongs";
import { readParam } from "./codec";
import { dongCodec } from "./dong";
import { required } from "./param";

const index = new DongIndex([
  { code: "1119054", name_ko: "여의동", districtCode: "11560" },
  { code: "1123051", name_ko: "신사동", districtCode: "11680" },
  { code: "1121068", name_ko: "신사동", districtCode: "11620" },
  { code: "1101053", name_ko: "사직동", districtCode: "11110" },
] satisfies Dong[]);
const param = required("dong", dongCodec(index));
const read = (raw: string) => readParam(param, [raw]);
const code = (raw: string) => {
  const r = read(raw);
  return r.kind === "valid" ? r.value.code : r.kind;
};

describe("dong codec", () => {
  it("reads the 7-digit code and writes it back", () => {
    expect(code("1119054")).toBe("1119054");
    expect(param.codec.serialize(index.get("1119054")!)).toBe("1119054");
  });
  it("reads 구 동 names, with or without the space or 서울특별시, NFC or NFD", () => {
    expect(code("영등포구 여의동")).toBe("1119054");
    expect(code("영등포구여의동")).toBe("1119054");
    expect(code("서울특별시 영등포구 여의동")).toBe("1119054");
    expect(code("영등포구 여의동".normalize("NFD"))).toBe("1119054");
    expect(code("강남구 신사동")).toBe("1123051");
    expect(code("관악구 신사동")).toBe("1121068");
  });
  it("reads a bare name only one district has; an ambiguous one names the candidates", () => {
    expect(code("사직동")).toBe("1101053");
    const r = read("신사동");
    expect(r.kind === "invalid" && r.reason).toBe("ambiguous: give the district too (관악구 신사동, 강남구 신사동)");
  });
  it("refuses codes and names the dataset lacks", () => {
    for (const raw of ["1119099", "111905", "영등포구 사직동", "x"]) {
      const r = read(raw);
      expect(r.kind === "invalid" && r.reason, raw).toBe("not a 행정동 of the dataset");
    }
    expect(param.codec.allowed.text).toMatch(/^one of the dataset's 4 행정동/);
  });
  it("lists a district's 행정동 in code order", () => {
    expect(index.list.map((d) => d.code)).toEqual(["1101053", "1119054", "1121068", "1123051"]);
    expect(index.inDistrict(findDistrict("강남구")!).map((d) => d.name_ko)).toEqual(["신사동"]);
  });
});
