import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metadata } from "@/app/layout";

/** public/: the static files a browser or a phone asks for by name, and the manifest that lists them. */
const PUBLIC = path.join(process.cwd(), "public");

/** A PNG's width × height, read from its IHDR chunk (bytes 16–23). */
function pngSize(file: string): string {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1"), file).toBe("PNG");
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

describe("public/", () => {
  const manifest = JSON.parse(readFileSync(path.join(PUBLIC, "manifest.webmanifest"), "utf8")) as {
    name: string;
    short_name: string;
    lang: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };

  it("the web manifest names the app in Korean and opens it standalone at /", () => {
    expect(manifest.lang).toBe("ko");
    expect(manifest.short_name).toMatch(/[가-힣]/);
    expect(manifest.name).toMatch(/[가-힣]/);
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
  });

  it("every manifest icon exists at the size it states, with a 192 and a 512 px PNG and a maskable one", () => {
    for (const icon of manifest.icons) {
      const file = path.join(PUBLIC, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === "image/png") expect(pngSize(file), icon.src).toBe(icon.sizes);
    }
    const png = manifest.icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  });

  it("the root layout links the manifest and icons that are there", () => {
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    const icons = metadata.icons as { icon: { url: string; sizes?: string }[]; apple: { url: string; sizes: string } };
    for (const { url } of [...icons.icon, icons.apple]) expect(existsSync(path.join(PUBLIC, url)), url).toBe(true);
    expect(pngSize(path.join(PUBLIC, icons.apple.url))).toBe(icons.apple.sizes);
    expect(existsSync(path.join(PUBLIC, "favicon.ico"))).toBe(true);
  });

  it("robots.txt lets crawlers read the pages and keeps them off the API", () => {
    const robots = readFileSync(path.join(PUBLIC, "robots.txt"), "utf8");
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
  });
});
