"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITY_LABELS } from "@/components/ui/badges";
import { openAlertsBySeverityHref } from "@/lib/dashboard/links";
import type { SeverityCountRow } from "@/lib/dashboard/types";
import { ChartFigure, Swatch, type DataTableMode } from "./chart-figure";
import { SEVERITY_COLOURS, TOOLTIP_STYLE } from "./palette";

export interface SeverityChartProps {
  /** Open alerts by severity, in the order to show (INFO first as returned by the data layer). */
  rows: readonly SeverityCountRow[];
  /** Base path of the inbox for drill-down (e.g. "/alerts"); none when omitted (briefings). */
  drillDownHref?: string | null;
  height?: number;
  tableMode?: DataTableMode;
}

export function summariseSeverities(rows: readonly SeverityCountRow[]): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (total === 0) return "Open alerts by severity: none open.";
  const parts = [...rows].reverse().map((r) => `${SEVERITY_LABELS[r.severity].toLowerCase()} ${r.count}`).join(", ");
  return `Open alerts by severity: ${total} open (${parts}).`;
}

/** Open alerts by severity, most severe at the top; a bar or table cell opens the inbox for it. */
export function SeverityChart({ rows, drillDownHref = null, height = 200, tableMode }: SeverityChartProps) {
  const router = useRouter();
  const summary = summariseSeverities(rows);
  const data = [...rows].reverse().map((r) => ({ ...r, label: SEVERITY_LABELS[r.severity] }));

  const plot = (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 0, left: 0 }} title="Open alerts by severity chart. Arrow keys step through the severities.">
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickLine={false} />
        <YAxis type="category" dataKey="label" width={64} tickLine={false} />
        <Tooltip {...TOOLTIP_STYLE} />
        <Bar
          dataKey="count"
          name="Open alerts"
          isAnimationActive={false}
          stroke="var(--border-strong)"
          strokeWidth={0.5}
          onClick={drillDownHref ? (item) => {
            const severity = (item.payload as SeverityCountRow | undefined)?.severity;
            if (severity) router.push(openAlertsBySeverityHref(drillDownHref, severity));
          } : undefined}
        >
          {data.map((r) => <Cell key={r.severity} fill={SEVERITY_COLOURS[r.severity]} />)}
          <LabelList dataKey="count" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );

  const table = (
    <table className="data-table">
      <caption className="sr-only">Open alerts by severity</caption>
      <thead>
        <tr><th scope="col">Severity</th><th scope="col" className="num">Open alerts</th></tr>
      </thead>
      <tbody>
        {data.map((r) => (
          <tr key={r.severity}>
            <th scope="row"><Swatch colour={SEVERITY_COLOURS[r.severity]} />{r.label}</th>
            <td className="num">
              {drillDownHref && r.count > 0 ? (
                <Link href={openAlertsBySeverityHref(drillDownHref, r.severity)} aria-label={`${r.count} open ${r.label.toLowerCase()} alerts`}>{r.count}</Link>
              ) : r.count}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFigure summary={summary} plot={plot} table={table} tableMode={tableMode} clickable={!!drillDownHref} />;
}
