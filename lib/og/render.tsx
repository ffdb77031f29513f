import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ImageResponse } from "next/og";
import { loadSeoulDongSvg } from "@/lib/insights/dong-geo-file";
import { loadDistrictSvg } from "@/lib/insights/geo-file";
import { OG_MAX_ITEMS, type OgCard, type OgItem, type OgMap } from "@/lib/views/og";

/**
 * Draws a link-preview card as a 1200×630 PNG (next/og: satori + resvg) in the bundled Korean font.
 * A render costs tens of milliseconds; the edge keeps the result per canonical preview URL, so after
 * that a preview is a lookup, and its ETag (sha256 of the PNG) lets chat apps, CDNs and browsers
 * revalidate with a 304.
 */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** Previews change only with the dataset (a restart); the ETag covers that case for caches that keep them longer. */
export const OG_CACHE_CONTROL = "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800";

const FONT_DIR = path.join(process.cwd(), "lib", "og", "fonts");
const FAMILY = "AdTarget OG Gothic";
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | undefined;

/** Read once; the same array every call, so satori can reuse its parsed fonts. */
function ogFonts() {
  fonts ??= [
    { name: FAMILY, data: readFileSync(path.join(FONT_DIR, "og-gothic-regular.ttf")), weight: 400, style: "normal" },
    { name: FAMILY, data: readFileSync(path.join(FONT_DIR, "og-gothic-bold.ttf")), weight: 700, style: "normal" },
  ];
  return fonts;
}

const COLORS = {
  bg: "#10243e",
  card: "#ffffff",
  text: "#1b1f24",
  muted: "#555d68",
  accent: "#0b5cad",
  light: "#9cc7ff",
  rule: "#d7dbe0",
};

const MAP_HEIGHT = 350;
const NAME_SIZE = 13;

/**
 * The map's areas in the card's colours, names on top (satori draws the SVG shapes; names are text
 * boxes): the 25 districts, or the 행정동 of all Seoul with thinner borders and no names.
 */
function MapImage({ map }: { map: OgMap }) {
  const svg = map.areas === "dong" ? loadSeoulDongSvg() : loadDistrictSvg();
  const stroke = map.areas === "dong" ? 0.8 : 2.5;
  const k = MAP_HEIGHT / svg.height;
  const width = Math.round(svg.width * k);
  return (
    <div style={{ display: "flex", position: "relative", width, height: MAP_HEIGHT, flexShrink: 0 }}>
      <svg width={width} height={MAP_HEIGHT} viewBox={`0 0 ${svg.width} ${svg.height}`}>
        {svg.districts.map((d) => (
          <path key={d.code} d={d.path} fill={map.fills[d.code] ?? "#eeeeee"} stroke="#ffffff" strokeWidth={stroke} />
        ))}
      </svg>
      {svg.districts.map((d) => {
        const name = map.names[d.code];
        if (!name) return null;
        // Hangul glyphs are about one em wide: centre the name on the district's label point.
        return (
          <div
            key={d.code}
            style={{
              position: "absolute",
              left: d.label[0] * k - (name.length * NAME_SIZE) / 2,
              top: d.label[1] * k - NAME_SIZE * 0.7,
              fontSize: NAME_SIZE,
              color: COLORS.text,
              display: "flex",
            }}
          >
            {name}
          </div>
        );
      })}
    </div>
  );
}

function Items({ items, size }: { items: OgItem[]; size: number }) {
  return (
    <div style={{ display: "flex", flexDirection: "column" }}>
      {items.map((item) => (
        <div
          key={item.label}
          style={{
            display: "flex",
            justifyContent: "space-between",
            alignItems: "baseline",
            borderBottom: `2px solid ${COLORS.rule}`,
            padding: "6px 0",
            fontSize: size,
          }}
        >
          <div style={{ display: "flex", color: COLORS.text, fontWeight: 700 }}>{item.label}</div>
          <div style={{ display: "flex", color: COLORS.accent, marginLeft: 24 }}>{item.value}</div>
        </div>
      ))}
    </div>
  );
}

/** A card with a map: the map on the left; its ranked districts and legend on the right. */
function MapBody({ card, map }: { card: OgCard; map: OgMap }) {
  return (
    <div style={{ display: "flex", marginTop: 12, flex: 1 }}>
      <MapImage map={map} />
      <div style={{ display: "flex", flexDirection: "column", flex: 1, marginLeft: 28 }}>
        <Items items={card.items} size={25} />
        <div style={{ display: "flex", fontSize: 17, color: COLORS.muted, marginTop: 12 }}>{map.legendTitle}</div>
        <div style={{ display: "flex", flexWrap: "wrap", marginTop: 6 }}>
          {map.legend.map((l) => (
            <div
              key={l.label}
              style={{
                display: "flex",
                alignItems: "center",
                fontSize: 15,
                color: COLORS.text,
                marginRight: 12,
                marginBottom: 4,
              }}
            >
              <div
                style={{
                  display: "flex",
                  width: 18,
                  height: 14,
                  background: l.color,
                  marginRight: 5,
                  border: `1px solid ${COLORS.rule}`,
                }}
              />
              {l.label}
            </div>
          ))}
        </div>
        <div style={{ display: "flex", fontSize: 17, color: COLORS.muted, marginTop: "auto" }}>{card.note}</div>
      </div>
    </div>
  );
}

function CardImage({ card }: { card: OgCard }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: COLORS.bg,
        padding: "30px 40px",
        fontFamily: FAMILY,
        wordBreak: "keep-all",
      }}
    >
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          color: "#ffffff",
          fontSize: 28,
          marginBottom: 18,
        }}
      >
        <div style={{ display: "flex", fontWeight: 700 }}>
          AdTarget&nbsp;<span style={{ color: COLORS.light }}>Seoul</span>
        </div>
        <div style={{ display: "flex", color: COLORS.light }}>{card.kicker}</div>
      </div>
      <div
        style={{
          flex: 1,
          display: "flex",
          flexDirection: "column",
          background: COLORS.card,
          borderRadius: 20,
          padding: card.map ? "24px 36px 20px" : "30px 44px 24px",
        }}
      >
        <div
          style={{
            display: "flex",
            fontSize: card.headline.length > 22 ? 44 : 52,
            fontWeight: 700,
            color: COLORS.text,
            lineHeight: 1.25,
          }}
        >
          {card.headline}
        </div>
        {card.map ? (
          <MapBody card={card} map={card.map} />
        ) : (
          <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
            <div style={{ display: "flex", flexDirection: "column", marginTop: 16 }}>
              <Items items={card.items} size={card.items.length > OG_MAX_ITEMS ? 28 : 32} />
              {card.items.length === 0 ? (
                <div style={{ display: "flex", fontSize: 36, color: COLORS.muted, marginTop: 12 }}>{card.note}</div>
              ) : null}
            </div>
            {card.items.length > 0 ? (
              <div style={{ display: "flex", fontSize: 21, color: COLORS.muted, marginTop: "auto" }}>{card.note}</div>
            ) : null}
          </div>
        )}
      </div>
      <div style={{ display: "flex", color: "#d9e2ee", fontSize: 20, marginTop: 16 }}>{card.footer}</div>
    </div>
  );
}

export async function renderCard(card: OgCard): Promise<Buffer> {
  const res = new ImageResponse(<CardImage card={card} />, { ...OG_SIZE, fonts: ogFonts() });
  return Buffer.from(await res.arrayBuffer());
}
