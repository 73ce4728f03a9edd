// Charts where a person would rather look than read. Fixed sizes, so they
// print the same as on screen. Recharts draws nothing on the server (it
// renders an empty wrapper), so the server sends a box of the chart's size
// and the browser draws the chart after hydration; the figures are in the
// tables next to each chart, or in the figure's caption, either way. The
// charts are pictures: no tab stops (recharts' keyboard layer only moves a
// tooltip), and legend text in the body colour, the swatch carrying the colour.
import { useEffect, useState, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

const palette = ["#3b4cca", "#1d7a46", "#c2410c", "#7c3aed", "#0e7490", "#b42318"];

const legendText = (value: string) => <span className="chart-legend-text">{value}</span>;
const figure = (v: number | null) => (v === null ? "no scores" : String(v));

function InBrowser({ width, height, children }: { width: number; height: number; children: () => ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <>{children()}</> : <div className="chart-pending" style={{ width, height }} />;
}

export function FunnelChart({ data }: { data: { stage: string; reached: number; current: number }[] }) {
  const label = "Pipeline funnel: applications that reached each stage, and where they are now";
  const order = ["reached", "current"];
  return (
    <figure className="chart" aria-label={label}>
      <InBrowser width={560} height={260}>
        {() => (
          <BarChart
            width={560}
            height={260}
            data={data}
            layout="vertical"
            margin={{ left: 30, right: 20, top: 5, bottom: 5 }}
            title={label}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            {/* Every stage named, not every other one. */}
            <YAxis type="category" dataKey="stage" width={90} interval={0} />
            <Tooltip />
            <Legend itemSorter={(item) => order.indexOf(String(item.dataKey))} formatter={legendText} />
            <Bar dataKey="reached" name="Reached this stage" fill="#9aa5f0" isAnimationActive={false} />
            <Bar dataKey="current" name="In this stage now" fill="#3b4cca" isAnimationActive={false} />
          </BarChart>
        )}
      </InBrowser>
    </figure>
  );
}

/** Per-area averages, one bar per series (a candidate, or the role as a whole). */
export function AreaBars({
  areas,
  series,
  label,
  width,
}: {
  areas: { key: string; name: string }[];
  series: { name: string; values: Record<string, number | null> }[];
  label: string;
  width?: number;
}) {
  const chartWidth = width ?? Math.max(560, areas.length * (40 + series.length * 14));
  const data = areas.map((a) => ({
    area: a.name.replace(" systems", "").replace("Business communication", "Communication"),
    ...Object.fromEntries(series.map((s) => [s.name, s.values[a.key] ?? null])),
  }));
  return (
    <figure className="chart" aria-label={label}>
      <InBrowser width={chartWidth} height={300}>
        {() => (
          <BarChart
            width={chartWidth}
            height={300}
            data={data}
            margin={{ left: 0, right: 30, top: 5, bottom: 30 }}
            title={label}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="area" interval={0} angle={-35} textAnchor="end" height={75} />
            <YAxis domain={[0, 4]} ticks={[1, 2, 3, 4]} />
            <Tooltip />
            {/* In the order of the table's columns, each candidate keeping their colour. */}
            <Legend
              verticalAlign="top"
              itemSorter={(item) => series.findIndex((s) => s.name === item.value)}
              formatter={legendText}
            />
            {series.map((s, i) => (
              <Bar key={s.name} dataKey={s.name} fill={palette[i % palette.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </InBrowser>
      <figcaption className="visually-hidden">
        {series
          .map((s) => `${s.name}: ${areas.map((a) => `${a.name} ${figure(s.values[a.key] ?? null)}`).join(", ")}.`)
          .join(" ")}
      </figcaption>
    </figure>
  );
}
