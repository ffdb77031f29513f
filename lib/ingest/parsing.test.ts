import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvReader, detectEncoding, parseCsvRecord, rangeDecoder } from "./csv-reader";
import { monthFromFileName, parseMonthCell } from "./month";
import type { Row } from "./row";
import { dongNameOf, parseDongCode } from "./row-handler";
import { parseAgeBand, parseNumber, parseSex } from "./values";
import { decodeText, nameCode, XmlScanner } from "./xml-scanner";

/** Feeds `bytes` to a CsvReader in blocks cut at `cuts`, the way readCsv does; returns records with lines. */
function readAll(bytes: Buffer, cuts: number[]): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const reader = new CsvReader(rangeDecoder("utf-8"), (row: Row, line) =>
    out.push({ line, fields: Array.from({ length: row.length }, (_, i) => String(row.cell(i))) }),
  );
  let buf = Buffer.alloc(0);
  let prev = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    buf = Buffer.concat([buf, bytes.subarray(prev, cut)]);
    prev = cut;
    const final = cut === bytes.length;
    const used = reader.consume(buf, 0, buf.length, final);
    buf = Buffer.from(buf.subarray(used));
  }
  return out;
}

describe("CsvReader", () => {
  const text = 'a,b,c\r\n1,"x, y",3\n"multi\nline ""q""",,\n가나,다,"라"\nlast,row,nolf';
  const expected = [
    { line: 1, fields: ["a", "b", "c"] },
    { line: 2, fields: ["1", "x, y", "3"] },
    { line: 3, fields: ['multi\nline "q"', "", ""] },
    { line: 5, fields: ["가나", "다", "라"] },
    { line: 6, fields: ["last", "row", "nolf"] },
  ];

  it("splits records with quotes, doubled quotes, line breaks in fields, CRLF and no final newline", () => {
    expect(readAll(Buffer.from(text), [])).toEqual(expected);
  });

  it("gives the same records wherever the blocks are cut", () => {
    const bytes = Buffer.from(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), (cuts) => {
        expect(readAll(bytes, cuts)).toEqual(expected);
      }),
    );
  });

  it("parses a record held in a string", () => {
    expect(parseCsvRecord('"게임 서비스 사용일수: 4분위수, 25%",x')).toEqual([
      "게임 서비스 사용일수: 4분위수, 25%",
      "x",
    ]);
  });

  it("reads numbers from bytes exactly as Number() does", () => {
    const num = (s: string) => {
      let v: number | null = NaN;
      new CsvReader(rangeDecoder("utf-8"), (row) => (v = row.num(0))).consume(
        Buffer.from(`${s}\n`),
        0,
        s.length + 1,
        true,
      );
      return v;
    };
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(Object.is(num(String(d)), Number(String(d)))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }), (n, dec) => {
        const s = (n / 10 ** dec).toFixed(dec);
        expect(num(s)).toBe(Number(s));
      }),
    );
    expect([num(""), num("*"), num("-"), num(" 12.5 "), num('"1,234.5"'), num("1e3")]).toEqual([
      null,
      null,
      null,
      12.5,
      1234.5,
      1000,
    ]);
    expect([num("0x10"), num("Infinity"), num("12..5"), num("abc"), num("1.2.3")].every(Number.isNaN)).toBe(true);
  });
});

describe("cells", () => {
  it("numbers: missing cells, negatives, refusals", () => {
    expect([parseNumber(""), parseNumber(" * "), parseNumber("-"), parseNumber(null)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect([parseNumber("-0.48"), parseNumber(3.5), parseNumber("1,234")]).toEqual([-0.48, 3.5, 1234]);
    expect(
      [parseNumber("Infinity"), parseNumber(Infinity), parseNumber("0b1"), parseNumber("1 2")].every(Number.isNaN),
    ).toBe(true);
  });

  it("sex: 1/2, 01/02, 남/여, 남성/여성, M/F", () => {
    expect(["1", 1, "01", "남", "남성", "M", "m"].map(parseSex)).toEqual(Array(7).fill("M"));
    expect(["2", 2, "02", "여", "여성", "F", "f"].map(parseSex)).toEqual(Array(7).fill("F"));
    expect([parseSex("3"), parseSex(""), parseSex(null)]).toEqual([undefined, undefined, undefined]);
  });

  it("age bands fold 5-year bands into 10-year bands; under 20 is skipped", () => {
    expect([20, 25, "70", "75세 이상", "20~24세"].map(parseAgeBand)).toEqual(
      [
        [20, 20],
        [20, 25],
        [70, 70],
        [70, 75],
        [20, 20],
      ].map(([age10, age5]) => ({ kind: "band", age10, age5 })),
    );
    expect(parseAgeBand("15")).toEqual({ kind: "under20", age5: 15 });
    expect([
      parseAgeBand(15).kind,
      parseAgeBand("0").kind,
      parseAgeBand(80).kind,
      parseAgeBand(23).kind,
      parseAgeBand("노인").kind,
    ]).toEqual(["under20", "under20", "invalid", "invalid", "invalid"]);
  });

  it("행정동코드: a 7-digit statistics code whose first five digits are a Seoul district's; names lose their district", () => {
    const dong = (c: string | number) => {
      const r = parseDongCode(c);
      return "error" in r ? "refused" : `${r.code} ${r.district.name_ko}`;
    };
    expect([
      dong("1123068"),
      dong(1123068),
      dong(" 1101053 "),
      dong("1168064000"),
      dong("2611051"),
      dong("11230"),
    ]).toEqual(["1123068 강남구", "1123068 강남구", "1101053 종로구", "refused", "refused", "refused"]);
    const jongno = parseDongCode("1101053");
    if ("error" in jongno) throw new Error(jongno.error);
    expect([
      dongNameOf("종로구 사직동", jongno.district),
      dongNameOf("사직동", jongno.district),
      dongNameOf("서울특별시 종로구 사직동", jongno.district),
      dongNameOf("종로1·2·3·4가동", jongno.district),
    ]).toEqual(["사직동", "사직동", "사직동", "종로1·2·3·4가동"]);
  });

  it("months from cells: text and integers; a bare decimal number is ambiguous", () => {
    const m = (c: string | number | Date, untyped = false) => {
      const r = parseMonthCell(c, untyped);
      return "month" in r ? r.month : "error";
    };
    expect([
      m("202310"),
      m("2023-10"),
      m("2023.10"),
      m("2023년 10월"),
      m(202310),
      m("20231001"),
      m(new Date(Date.UTC(2023, 9, 1))),
    ]).toEqual(Array(7).fill("2023-10"));
    expect([m("2023.1"), m("2023.1", true), m(2023.1), m(2023.01), m("202313"), m("Oct")]).toEqual([
      "2023-01",
      "error",
      "error",
      "error",
      "error",
      "error",
    ]);
  });

  it("months from file names", () => {
    expect(
      [
        "2023.1월_29개 통신정보.xlsx",
        "2023.10월_29개 통신정보.xlsx",
        "서울시민생활_2023년 3월.csv",
        "data_202301.csv",
        "x-2023-01.csv",
        "2023.1월_x.xlsx".normalize("NFD"),
      ].map(monthFromFileName),
    ).toEqual(["2023-01", "2023-10", "2023-03", "2023-01", "2023-01", "2023-01"]);
    expect([
      monthFromFileName("citizens.csv"),
      monthFromFileName("20231.csv"),
      monthFromFileName("2023-13.csv"),
    ]).toEqual([undefined, undefined, undefined]);
  });

  it("detects the encoding from the first block", () => {
    const ko = "행정동코드,자치구\n";
    expect(detectEncoding(Buffer.from(ko))).toBe("utf-8");
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ko)]))).toBe("utf-8 (BOM)");
    expect(detectEncoding(iconv.encode(ko, "cp949"))).toBe("cp949");
    expect(detectEncoding(Buffer.from(ko).subarray(0, 4))).toBe("utf-8"); // a character cut at the block's end
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toHaveProperty("error");
  });
});

describe("XmlScanner", () => {
  const xml = Buffer.from(
    `<?xml version="1.0"?><!-- c --><x:sst xmlns:x="ns" count='2'><x:si><x:t xml:space="preserve">강남구 &amp; &#xC1A1;파구</x:t></x:si>` +
      `<si><r><t>서</t></r><r><t><![CDATA[울<특>별시]]></t></r><rPh><t>ソ</t></rPh></si><c r="A1" t="s" a=">"/></x:sst>`,
  );
  /** Feeds `bytes` in pieces cut at `cuts`, keeping the unfinished tail as streamPart does; returns the events. */
  function events(bytes: Buffer, cuts: number[]): string[] {
    const out: string[] = [];
    const names = new Map(["sst", "si", "t", "r", "rPh", "c"].map((n) => [nameCode(n), n]));
    const scanner = new XmlScanner({
      open: (n, s, self) =>
        out.push(
          `<${names.get(n)}${s.find("r") ? ` r=${s.attr("r")}` : ""}${s.find("a") ? ` a=${s.attr("a")}` : ""}${self ? "/" : ""}>`,
        ),
      close: (n) => out.push(`</${names.get(n)}>`),
      text: (b, s, e, raw) => out.push(raw ? b.toString("utf8", s, e) : decodeText(b, s, e)),
    });
    let pending = Buffer.alloc(0);
    let prev = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
      pending = Buffer.concat([pending, bytes.subarray(prev, cut)]);
      prev = cut;
      const used = scanner.consume(pending, 0, pending.length, cut === bytes.length);
      pending = Buffer.from(pending.subarray(used));
    }
    return out;
  }

  it("tokenizes prefixes, both quotes, entities, CDATA, comments; text is never cut inside a character", () => {
    const whole = events(xml, []);
    expect(whole.filter((e) => !e.startsWith("<")).join("|")).toBe("강남구 & 송파구|서|울<특>별시|ソ");
    expect(whole).toContain("<c r=A1 a=>/>");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 8 }), (cuts) => {
        expect(events(xml, cuts)).toEqual(whole);
      }),
    );
  });
});
