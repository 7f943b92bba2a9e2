"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/lib/alerts/metrics";
import type { TriageWeekRow } from "@/lib/dashboard/types";
import { ChartFigure, Swatch, type DataTableMode } from "./chart-figure";
import { TOOLTIP_STYLE, shortDay } from "./palette";

export interface TriageTimesChartProps {
  rows: readonly TriageWeekRow[];
  height?: number;
  tableMode?: DataTableMode;
}

const ACK = "var(--chart-acknowledge)";
const TRI = "var(--chart-triage)";

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 10) / 10);

export function summariseTriageTimes(rows: readonly TriageWeekRow[]): string {
  const last = [...rows].reverse().find((r) => r.medianAcknowledgeMs !== null || r.medianTriageMs !== null);
  if (!last) return `Median time to acknowledge and to triage per week: nothing acknowledged or triaged in the last ${rows.length} weeks.`;
  const fmt = (ms: number | null) => (ms === null ? "none" : formatDuration(ms));
  return `Median time to acknowledge and to triage per week, last ${rows.length} weeks. Latest measured week (from ${shortDay(last.week)}): acknowledge ${fmt(last.medianAcknowledgeMs)} (${last.acknowledged} alerts), triage ${fmt(last.medianTriageMs)} (${last.triaged} alerts).`;
}

/** Weekly medians, in hours: acknowledge (solid, circles) and triage (dashed, squares). */
export function TriageTimesChart({ rows, height = 220, tableMode }: TriageTimesChartProps) {
  const summary = summariseTriageTimes(rows);
  const data = rows.map((r) => ({ week: r.week, acknowledge: hours(r.medianAcknowledgeMs), triage: hours(r.medianTriageMs) }));

  const plot = (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }} title="Weekly triage times chart. Arrow keys step through the weeks.">
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="week" tickFormatter={shortDay} tickLine={false} minTickGap={12} />
        <YAxis tickLine={false} width={52} unit=" h" />
        <Tooltip {...TOOLTIP_STYLE} labelFormatter={(w) => `Week of ${shortDay(String(w))}`} formatter={(v) => (v === null || v === undefined ? "—" : `${String(v)} h`)} />
        <Legend />
        <Line type="monotone" dataKey="acknowledge" name="Median time to acknowledge" stroke={ACK} strokeWidth={2}
          dot={{ r: 3, fill: ACK }} isAnimationActive={false} connectNulls={false} />
        <Line type="monotone" dataKey="triage" name="Median time to triage" stroke={TRI} strokeWidth={2} strokeDasharray="6 3"
          dot={{ r: 3, fill: TRI, strokeWidth: 0 }} legendType="rect" isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  );

  const fmt = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));
  const table = (
    <table className="data-table">
      <caption className="sr-only">Median time to acknowledge and to triage per week</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col" className="num"><Swatch colour={ACK} />Acknowledge (median)</th>
          <th scope="col" className="num">Acknowledged</th>
          <th scope="col" className="num"><Swatch colour={TRI} />Triage (median)</th>
          <th scope="col" className="num">Triaged</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.week}>
            <th scope="row" className="nowrap">{r.week}</th>
            <td className="num">{fmt(r.medianAcknowledgeMs)}</td>
            <td className="num">{r.acknowledged}</td>
            <td className="num">{fmt(r.medianTriageMs)}</td>
            <td className="num">{r.triaged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFigure summary={summary} plot={plot} table={table} tableMode={tableMode} />;
}
