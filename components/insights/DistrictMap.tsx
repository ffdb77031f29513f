"use client";

import "leaflet/dist/leaflet.css";
import { Browser, divIcon, type Layer, type Path, type PathOptions } from "leaflet";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AttributionControl, GeoJSON, MapContainer, Marker, ZoomControl } from "react-leaflet";
import type { Feature } from "geojson";
import type { MapDistrict } from "@/lib/insights/choropleth";
import { BOUNDARY_ATTRIBUTION, geoBounds, type DistrictFeature, type DistrictGeo } from "@/lib/insights/geo";
import styles from "./map.module.css";

const LEAFLET_PREFIX = `<a href="https://leafletjs.com">Leaflet</a>`;

export interface DistrictMapProps {
  geo: DistrictGeo;
  /** [lat, lng] of each district's name label, by code (computed on the server). */
  labels: Record<string, [number, number]>;
  districts: MapDistrict[];
  /** What the map shows, for its region label. */
  label: string;
  /** What a district link opens, in words ("20대 여성 고객층"), when the districts have links. */
  linkWords?: string;
}

/**
 * The choropleth (loaded only in the browser and only once near the viewport, see DistrictMapLazy): the
 * 25 district polygons on a plain background — no tile server — each with its name on the map. A
 * district is focusable; hovering or focusing it writes its value in the line above the map (never a
 * popup over the map, so a tap on a phone hides nothing), and a click, tap or Enter opens its link.
 */
export default function DistrictMap({ geo, labels, districts, label, linkWords }: DistrictMapProps) {
  const router = useRouter();
  const [active, setActive] = useState<MapDistrict | null>(null);
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const bounds = geoBounds(geo);
  // Re-create the layer when the values change: Leaflet keeps the first style and handlers it was given.
  const dataKey = districts.map((d) => `${d.code}${d.fill}${d.href ?? ""}`).join("|");

  const style = (feature?: Feature): PathOptions => {
    const code = (feature as DistrictFeature | undefined)?.properties.code ?? "";
    return { className: `district-${code}`, fillColor: byCode.get(code)?.fill, fillOpacity: 0.92, color: "#ffffff", weight: 1.2 };
  };

  const onEachFeature = (feature: Feature, layer: Layer) => {
    const info = byCode.get((feature as DistrictFeature).properties.code);
    if (!info) return;
    const open = () => {
      if (info.href) router.push(info.href);
      else setActive(info);
    };
    layer.on("click", open);
    layer.on("mouseover", () => setActive(info));
    layer.on("add", () => {
      const el = (layer as Path).getElement();
      if (!el) return;
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", info.href ? "link" : "img");
      el.setAttribute("aria-label", info.href && linkWords ? `${info.description}. ${linkWords} 보기` : info.description);
      el.setAttribute("data-district", info.code);
      if (info.href) el.setAttribute("data-href", info.href);
      el.addEventListener("focus", () => setActive(info));
      el.addEventListener("keydown", (e) => {
        if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
          e.preventDefault();
          open();
        }
      });
    });
  };

  return (
    <>
      <p className={styles.readout} aria-live="polite" data-testid="map-readout">
        {active ? (
          <>
            <strong>{active.name}</strong> {active.valueText} · {active.rank}위{active.href && linkWords ? ` — 누르면 ${linkWords}` : ""}
          </>
        ) : (
          <span className={styles.hint}>자치구에 마우스를 올리거나 Tab으로 고르면 값이 여기 보입니다{linkWords ? `. 누르거나 Enter: ${linkWords}` : ""}.</span>
        )}
      </p>
      <MapContainer
        className={styles.map}
        bounds={bounds}
        boundsOptions={{ padding: [4, 4] }}
        zoomSnap={0.25}
        zoomControl={false}
        attributionControl={false}
        scrollWheelZoom={false}
        // One finger scrolls the page on a phone; the zoom buttons (44 px) zoom.
        dragging={!Browser.mobile}
        maxBounds={[
          [bounds[0][0] - 0.15, bounds[0][1] - 0.2],
          [bounds[1][0] + 0.15, bounds[1][1] + 0.2],
        ]}
        ref={(map) => {
          const el = map?.getContainer();
          if (el) {
            el.setAttribute("role", "region");
            el.setAttribute("aria-label", `서울 자치구 지도: ${label}. Tab 키로 자치구를 하나씩 고를 수 있습니다.`);
          }
        }}
      >
        <ZoomControl position="topright" zoomInTitle="확대" zoomOutTitle="축소" />
        <AttributionControl position="bottomright" prefix={LEAFLET_PREFIX} />
        <GeoJSON key={dataKey} data={geo} style={style} onEachFeature={onEachFeature} attribution={BOUNDARY_ATTRIBUTION} />
        {districts.map((d) => {
          const at = labels[d.code];
          return at ? (
            <Marker
              key={d.code}
              position={at}
              interactive={false}
              keyboard={false}
              icon={divIcon({ className: styles.nameLabel, html: `<span data-district-label="${d.code}">${d.name}</span>`, iconSize: [0, 0] })}
            />
          ) : null;
        })}
      </MapContainer>
    </>
  );
}
