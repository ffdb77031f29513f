"use client";

import "leaflet/dist/leaflet.css";
import { Browser, type Layer, type Path, type PathOptions } from "leaflet";
import { AttributionControl, GeoJSON, MapContainer, ZoomControl } from "react-leaflet";
import type { Feature } from "geojson";
import { BOUNDARY_ATTRIBUTION, geoBounds, type DistrictFeature, type DistrictGeo } from "@/lib/insights/geo";
import type { MapView } from "@/lib/insights/views";
import styles from "./insights.module.css";

const LEAFLET_PREFIX = `<a href="https://leafletjs.com">Leaflet</a>`;

interface Props {
  geo: DistrictGeo;
  view: MapView;
  /** Changes whenever the values change, so the layer (its colours, tooltips and labels) is rebuilt. */
  dataKey: string;
  label: string;
}

function tooltipContent(name: string, line: string): HTMLElement {
  const el = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = name;
  el.append(strong, document.createElement("br"), line);
  return el;
}

/**
 * The choropleth (loaded only in the browser, see DistrictMapLazy): the 25 district polygons on a plain
 * background — no tile server, so it works offline. Each district is focusable; focus, hover or a tap
 * shows its tooltip, and its aria-label reads its name, value and colour class.
 */
export default function DistrictMap({ geo, view, dataKey, label }: Props) {
  const bounds = geoBounds(geo);

  const style = (feature?: Feature): PathOptions => {
    const code = (feature as DistrictFeature | undefined)?.properties.code ?? "";
    return { className: `district-${code}`, fillColor: view.byCode.get(code)?.fill, fillOpacity: 0.9, color: "#ffffff", weight: 1 };
  };

  const onEachFeature = (feature: Feature, layer: Layer) => {
    const code = (feature as DistrictFeature).properties.code;
    const info = view.byCode.get(code);
    if (!info) return;
    const line = info.description.slice(info.name.length + 1);
    layer.bindTooltip(tooltipContent(info.name, line), { sticky: false, direction: "top", className: styles.tooltip });
    layer.on("add", () => {
      const el = (layer as Path).getElement();
      if (!el) return;
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", info.description);
      el.setAttribute("data-district", code);
      el.addEventListener("keydown", (e) => {
        if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
          e.preventDefault();
          layer.openTooltip();
        } else if ((e as KeyboardEvent).key === "Escape") layer.closeTooltip();
      });
    });
  };

  return (
    <MapContainer
      className={styles.map}
      bounds={bounds}
      boundsOptions={{ padding: [6, 6] }}
      zoomSnap={0.25}
      zoomControl={false}
      attributionControl={false}
      scrollWheelZoom={false}
      dragging={!Browser.mobile}
      maxBounds={[
        [bounds[0][0] - 0.15, bounds[0][1] - 0.2],
        [bounds[1][0] + 0.15, bounds[1][1] + 0.2],
      ]}
      ref={(map) => {
        const el = map?.getContainer();
        if (el) {
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", `서울 자치구 지도: ${label}. Tab 키로 자치구를 하나씩 선택할 수 있습니다.`);
        }
      }}
    >
      <ZoomControl position="topright" zoomInTitle="확대" zoomOutTitle="축소" />
      <AttributionControl position="bottomright" prefix={LEAFLET_PREFIX} />
      <GeoJSON key={dataKey} data={geo} style={style} onEachFeature={onEachFeature} attribution={BOUNDARY_ATTRIBUTION} />
    </MapContainer>
  );
}
