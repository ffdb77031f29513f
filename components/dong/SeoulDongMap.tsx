"use client";

import "leaflet/dist/leaflet.css";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Layer, Path } from "leaflet";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { GeoJSON, MapContainer, useMapEvents } from "react-leaflet";
import styles from "./seoul-map.module.css";

/** What the map draws for one 행정동, computed on the server (lib/insights/dong-map). */
export interface DongMapCell {
  fill: string;
  name: string;
  href: string;
  /** The value as printed ("112.34"), shown on hover with the name. */
  valueText: string;
}

/** Names appear from this zoom on: below it 424 labels would cover the map. */
const LABEL_ZOOM = 13;

function ZoomLabels({ onZoom }: { onZoom: (zoom: number) => void }) {
  const map = useMapEvents({ zoomend: () => onZoom(map.getZoom()) });
  useEffect(() => onZoom(map.getZoom()), [map, onZoom]);
  return null;
}

type DongFeature = Feature<Polygon | MultiPolygon, { code: string }>;

/**
 * Seoul's 424 행정동 with pan and zoom (Leaflet; the boundaries are the map, no tile server). The
 * geometry (/api/geo/dongs, ~53 KB gzip) is fetched when the map mounts; colours, names and links come
 * from the page. A click or tap opens the 행정동's page; names appear once zoomed in.
 */
export default function SeoulDongMap({
  cells,
  bounds,
  label,
}: {
  cells: Readonly<Record<string, DongMapCell>>;
  bounds: [[number, number], [number, number]];
  label: string;
}) {
  const router = useRouter();
  const [geo, setGeo] = useState<FeatureCollection<Polygon | MultiPolygon, { code: string }> | null>(null);
  const [zoom, setZoom] = useState(0);
  useEffect(() => {
    let live = true;
    fetch("/api/geo/dongs")
      .then((r) => r.json())
      .then((g: FeatureCollection<Polygon | MultiPolygon, { code: string }>) => live && setGeo(g))
      .catch(() => live && setGeo({ type: "FeatureCollection", features: [] }));
    return () => {
      live = false;
    };
  }, []);

  const onEach = (f: DongFeature, layer: Layer) => {
    const cell = cells[f.properties.code];
    if (!cell) return;
    // Leaflet inserts a string tooltip as HTML; a name from the dataset (an import keeps the file's own
    // names) is text, so it goes in as a text node and can never become markup.
    const name = document.createElement("span");
    name.textContent = cell.name;
    layer.bindTooltip(name, { permanent: true, direction: "center", className: styles.label });
    layer.on("click", () => router.push(cell.href));
    layer.on("add", () => {
      const el = (layer as Path).getElement();
      el?.setAttribute("data-dong", f.properties.code);
      // A named graphic: Leaflet also points aria-describedby at the name's tooltip, allowed only on a role that takes a name.
      el?.setAttribute("role", "img");
      el?.setAttribute("aria-label", `${cell.name} ${cell.valueText}`);
    });
  };

  return (
    <div
      className={`${styles.frame} ${zoom >= LABEL_ZOOM ? styles.labelsOn : ""}`}
      data-testid="seoul-dong-map"
      data-zoom={zoom}
      data-ready={geo ? "true" : "false"}
    >
      <MapContainer
        bounds={bounds}
        zoomSnap={0.5}
        minZoom={10}
        maxZoom={17}
        attributionControl={false}
        className={styles.map}
        aria-label={label}
        keyboard
      >
        {geo ? (
          <GeoJSON
            data={geo}
            style={(f) => ({
              fillColor: cells[(f as DongFeature).properties.code]?.fill ?? "#ccc",
              fillOpacity: 0.85,
              color: "#ffffff",
              weight: 1,
            })}
            onEachFeature={onEach}
          />
        ) : null}
        <ZoomLabels onZoom={setZoom} />
      </MapContainer>
      {geo ? null : <p className={styles.loading}>경계를 불러오는 중…</p>}
    </div>
  );
}
