import { describe, expect, it } from "vitest";
import { chartImageName, chartImageSvg } from "./chart-image";

describe("chartImageSvg", () => {
  it("draws the XHTML at its CSS size (the viewport the stylesheet's media queries see)", () => {
    const svg = chartImageSvg({
      xhtml: '<div xmlns="http://www.w3.org/1999/xhtml">차트</div>',
      css: "h2 { color: red; }",
      width: 600.4,
      height: 300,
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="601" height="300" viewBox="0 0 601 300">/);
    expect(svg).toContain(
      '<foreignObject x="0" y="0" width="601" height="300"><div xmlns="http://www.w3.org/1999/xhtml">차트</div></foreignObject>',
    );
    expect(svg).toContain("<style><![CDATA[h2 { color: red; }]]></style>");
  });

  it("keeps CSS that contains '<', '&' or ']]>' inside one CDATA section", () => {
    const svg = chartImageSvg({
      xhtml: "<div/>",
      css: 'a::after { content: "]]>" } b > c { x: "&<" }',
      width: 10,
      height: 10,
    });
    const style = svg.slice(svg.indexOf("<style>") + 7, svg.indexOf("</style>"));
    // Reassembling the CDATA sections gives the CSS back unchanged.
    expect(style.replaceAll("]]]]><![CDATA[>", "]]>").slice(9, -3)).toBe(
      'a::after { content: "]]>" } b > c { x: "&<" }',
    );
    expect(style.match(/\]\]>/g)).toHaveLength(2);
  });
});

describe("chartImageName", () => {
  it("names the PNG after the frame's CSV", () => {
    expect(chartImageName("service-targets-delivery.csv")).toBe("service-targets-delivery.png");
    expect(chartImageName("seasonality-seoul-day")).toBe("seasonality-seoul-day.png");
  });
});
