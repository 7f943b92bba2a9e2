"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CaseStatus } from "@/lib/db/generated/enums";
import { SEVERITY_LABELS } from "@/components/ui/badges";
import { CASE_STATUS_LABELS } from "@/lib/cases/status-rules";
import { casesHref } from "@/lib/dashboard/links";
import { SEVERITIES, type CaseStatusRow } from "@/lib/dashboard/types";
import { ChartFigure, Swatch, type DataTableMode } from "./chart-figure";
import { SEVERITY_COLOURS, TOOLTIP_STYLE } from "./palette";

export interface CaseStatusChartProps {
  rows: readonly CaseStatusRow[];
  /** Base path of the case list for drill-down (e.g. "/cases"); none when omitted. */
  drillDownHref?: string | null;
  height?: number;
  tableMode?: DataTableMode;
}

export function summariseCaseStatuses(rows: readonly CaseStatusRow[]): string {
  const total = rows.reduce((n, r) => n + r.total, 0);
  if (total === 0) return "Open cases by status and severity: no open cases.";
  const parts = rows.map((r) => `${CASE_STATUS_LABELS[r.status].toLowerCase()} ${r.total}`).join(", ");
  const critical = rows.reduce((n, r) => n + r.CRITICAL, 0);
  const high = rows.reduce((n, r) => n + r.HIGH, 0);
  return `Open cases by status and severity: ${total} open (${parts}); ${critical} critical, ${high} high.`;
}

/** Open cases per status, stacked by severity (INFO at the bottom, CRITICAL on top). */
export function CaseStatusChart({ rows, drillDownHref = null, height = 200, tableMode }: CaseStatusChartProps) {
  const router = useRouter();
  const summary = summariseCaseStatuses(rows);
  const data = rows.map((r) => ({ ...r, label: CASE_STATUS_LABELS[r.status] }));

  const plot = (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }} title="Open cases chart. Arrow keys step through the statuses.">
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickLine={false} />
        <YAxis type="category" dataKey="label" width={92} tickLine={false} />
        <Tooltip {...TOOLTIP_STYLE} />
        <Legend iconType="square" />
        {SEVERITIES.map((severity) => (
          <Bar key={severity} dataKey={severity} name={SEVERITY_LABELS[severity]} stackId="severity" fill={SEVERITY_COLOURS[severity]}
            stroke="var(--border-strong)" strokeWidth={0.5} isAnimationActive={false}
            onClick={drillDownHref ? (item) => {
              const status = (item.payload as CaseStatusRow | undefined)?.status;
              if (status) router.push(casesHref(drillDownHref, status, severity));
            } : undefined}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );

  const cell = (status: CaseStatus, n: number, severity?: (typeof SEVERITIES)[number]) =>
    drillDownHref && n > 0 ? (
      <Link href={casesHref(drillDownHref, status, severity)}
        aria-label={`${n} ${CASE_STATUS_LABELS[status].toLowerCase()} cases${severity ? ` of ${SEVERITY_LABELS[severity].toLowerCase()} severity` : ""}`}>{n}</Link>
    ) : n;

  const table = (
    <table className="data-table">
      <caption className="sr-only">Open cases by status and severity</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          {SEVERITIES.map((s) => <th key={s} scope="col" className="num"><Swatch colour={SEVERITY_COLOURS[s]} />{SEVERITY_LABELS[s]}</th>)}
          <th scope="col" className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {data.map((r) => (
          <tr key={r.status}>
            <th scope="row">{r.label}</th>
            {SEVERITIES.map((s) => <td key={s} className="num">{cell(r.status, r[s], s)}</td>)}
            <td className="num">{cell(r.status, r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFigure summary={summary} plot={plot} table={table} tableMode={tableMode} clickable={!!drillDownHref} />;
}
