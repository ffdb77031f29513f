import type { MapDistrict } from "@/lib/insights/choropleth";
import type { SvgDistricts } from "@/lib/insights/geo";
import styles from "./map.module.css";

/**
 * The choropleth as SVG, drawn on the server: the 25 district shapes in their colours with every
 * district's name on top. No map library reaches the browser (Leaflet alone was 45 KB gzip, more than
 * /service's whole budget left), it renders without JavaScript, and where districts have links each
 * shape is a real link — click, tap or Enter opens it, and Tab walks the districts. Hovering shows the
 * district's value in the browser's own small tooltip (its <title>), which never covers the map on a tap.
 */
export function DistrictMap({
  svg,
  districts,
  label,
  linkWords,
  area = "서울 자치구 지도",
  testId = "district-map",
}: {
  svg: SvgDistricts;
  districts: readonly MapDistrict[];
  label: string;
  linkWords?: string;
  /** What the map is of, for its label (a district's 행정동 map reuses this component). */
  area?: string;
  testId?: string;
}) {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  return (
    <figure className={styles.svgFrame} data-testid={testId}>
      <svg
        viewBox={`0 0 ${svg.width} ${svg.height}`}
        className={styles.svgMap}
        role="group"
        aria-label={`${area}: ${label}`}
      >
        {svg.districts.map((g) => {
          const d = byCode.get(g.code);
          if (!d) return null;
          const words = d.href && linkWords ? `${d.description}. ${linkWords} 보기` : d.description;
          const shape = (
            <path d={g.path} fill={d.fill} className={`${styles.district} district-${g.code}`} data-district={g.code}>
              <title>{words}</title>
            </path>
          );
          return d.href ? (
            <a
              key={g.code}
              href={d.href}
              aria-label={words}
              className={styles.districtLink}
              data-district={g.code}
              data-testid="map-district"
            >
              {shape}
            </a>
          ) : (
            <g
              key={g.code}
              tabIndex={0}
              role="img"
              aria-label={words}
              className={styles.districtLink}
              data-district={g.code}
              data-testid="map-district"
            >
              {shape}
            </g>
          );
        })}
        <g aria-hidden="true" className={styles.names}>
          {svg.districts.map((g) => (
            <text key={g.code} x={g.label[0]} y={g.label[1]} data-district-label={g.code}>
              {byCode.get(g.code)?.name}
            </text>
          ))}
        </g>
      </svg>
    </figure>
  );
}
