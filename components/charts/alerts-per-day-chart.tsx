"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AlertKind } from "@/lib/db/generated/enums";
import { ALERT_KIND_LABELS } from "@/components/ui/badges";
import { alertsOnDayHref } from "@/lib/dashboard/links";
import { ALERT_KINDS, type AlertsPerDayRow } from "@/lib/dashboard/types";
import { ChartFigure, Swatch, type DataTableMode } from "./chart-figure";
import { KIND_COLOURS, TOOLTIP_STYLE, shortDay } from "./palette";

export interface AlertsPerDayChartProps {
  rows: readonly AlertsPerDayRow[];
  /** Base path of the inbox for drill-down (e.g. "/alerts"); none when omitted (briefings). */
  drillDownHref?: string | null;
  /** Kinds to show (e.g. without VETTING for viewers who may not read it); all by default. */
  kinds?: readonly AlertKind[];
  /** Plot height in pixels (fixed, so that print and slides lay out predictably). */
  height?: number;
  tableMode?: DataTableMode;
}

export function summariseAlertsPerDay(rows: readonly AlertsPerDayRow[], kinds: readonly AlertKind[]): string {
  if (rows.length === 0) return "Alerts per day by kind: no days in range.";
  let total = 0;
  let busiest = { day: rows[0]!.day, n: -1 };
  const byKind = new Map<AlertKind, number>(kinds.map((k) => [k, 0]));
  for (const row of rows) {
    const n = kinds.reduce((sum, k) => sum + row[k], 0);
    total += n;
    if (n > busiest.n) busiest = { day: row.day, n };
    for (const k of kinds) byKind.set(k, byKind.get(k)! + row[k]);
  }
  const parts = kinds.map((k) => `${ALERT_KIND_LABELS[k].toLowerCase()} ${byKind.get(k)}`).join(", ");
  const range = `${shortDay(rows[0]!.day)} to ${shortDay(rows[rows.length - 1]!.day)}`;
  if (total === 0) return `Alerts per day by kind, ${range}: no alerts.`;
  return `Alerts per day by kind, ${range}: ${total} in all (${parts}); busiest day ${shortDay(busiest.day)} with ${busiest.n}.`;
}

/** Alerts per UK day, stacked by kind; a bar segment or table cell opens the inbox for it. */
export function AlertsPerDayChart({ rows, drillDownHref = null, kinds = ALERT_KINDS, height = 260, tableMode }: AlertsPerDayChartProps) {
  const router = useRouter();
  const summary = summariseAlertsPerDay(rows, kinds);
  const data = rows.map((r) => ({ ...r }));

  const plot = (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} title="Alerts per day chart. Left and right arrow keys step through the days.">
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={16} tickLine={false} />
        <YAxis allowDecimals={false} tickLine={false} width={48} />
        <Tooltip {...TOOLTIP_STYLE} labelFormatter={(d) => shortDay(String(d))} />
        <Legend iconType="square" />
        {kinds.map((kind) => (
          <Bar
            key={kind}
            dataKey={kind}
            name={ALERT_KIND_LABELS[kind]}
            stackId="kinds"
            fill={KIND_COLOURS[kind]}
            isAnimationActive={false}
            onClick={drillDownHref ? (item) => {
              const day = (item.payload as AlertsPerDayRow | undefined)?.day;
              if (day) router.push(alertsOnDayHref(drillDownHref, kind, day));
            } : undefined}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );

  const table = (
    <table className="data-table">
      <caption className="sr-only">Alerts per day by kind</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {kinds.map((k) => (
            <th key={k} scope="col" className="num"><Swatch colour={KIND_COLOURS[k]} />{ALERT_KIND_LABELS[k]}</th>
          ))}
          <th scope="col" className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.day}>
            <th scope="row" className="nowrap">{r.day}</th>
            {kinds.map((k) => (
              <td key={k} className="num">
                {drillDownHref && r[k] > 0 ? (
                  <Link href={alertsOnDayHref(drillDownHref, k, r.day)} aria-label={`${r[k]} ${ALERT_KIND_LABELS[k].toLowerCase()} alerts on ${r.day}`}>{r[k]}</Link>
                ) : r[k]}
              </td>
            ))}
            <td className="num">{kinds.reduce((n, k) => n + r[k], 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFigure summary={summary} plot={plot} table={table} tableMode={tableMode} clickable={!!drillDownHref} />;
}
