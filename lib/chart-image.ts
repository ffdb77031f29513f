/**
 * "이미지 저장": a chart frame as a PNG for decks — its title, the chart with its legend as drawn on
 * screen, and the source line. The browser draws it (components/ImageDownload.tsx): the frame's own DOM
 * and the page's stylesheet go into an SVG <foreignObject>, which a canvas rasterises. Drawn from the
 * same nodes as the screen, every kind of chart here (Recharts SVG, the server-drawn map, HTML bars and
 * heat tables) comes out as seen, with no second drawing of each chart to keep in step on the server.
 * This module is the pure part: the SVG document and the file name.
 */

/** Pixels per CSS pixel in the PNG: sharp on slides and retina screens, still small (about 100–300 KB). */
export const CHART_IMAGE_SCALE = 2;

/** CSS in an XML document: inside CDATA, with any "]]>" in it split so the section cannot end early. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/**
 * The SVG that draws `xhtml` (one serialized XHTML element, its namespace declared) at `width` × `height`
 * CSS pixels with the page's `css` applied inside it. Its size is the CSS size, because the stylesheet's
 * media queries read it as the viewport (a phone's chart keeps its phone layout); the canvas scales it
 * up when it rasterises the vector image (CHART_IMAGE_SCALE).
 */
export function chartImageSvg({
  xhtml,
  css,
  width,
  height,
}: {
  xhtml: string;
  css: string;
  width: number;
  height: number;
}): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<style>${cdata(css)}</style>` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">${xhtml}</foreignObject>` +
    `</svg>`
  );
}

/** The PNG's name from the frame's CSV name: "service-targets-delivery.csv" → "service-targets-delivery.png". */
export function chartImageName(filename: string): string {
  return `${filename.replace(/\.csv$/i, "")}.png`;
}
