import type { ReactNode } from "react";
import styles from "./charts.module.css";

export type DataTableMode = "toggle" | "visible";

export interface ChartFigureProps {
  /** One or two sentences saying what the chart shows: read by screen readers, shown as a caption. */
  summary: string;
  /** The plot: recharts' accessibility layer makes it one tab stop whose arrow keys step through the data. */
  plot: ReactNode;
  /** The same data as a table: the text alternative and the keyboard route to drill-down links. */
  table: ReactNode;
  /** "toggle" (default): behind a disclosure; "visible": always shown (print, slides). */
  tableMode?: DataTableMode;
  clickable?: boolean;
}

/** The frame every chart shares: caption summary, plot, data table. */
export function ChartFigure({ summary, plot, table, tableMode = "toggle", clickable = false }: ChartFigureProps) {
  return (
    <figure className={styles.figure} aria-label={summary}>
      {/* Shown for everyone (no hover-only information); hidden from screen readers, which read
          the same words as the figure's label. */}
      <figcaption className={styles.summary} aria-hidden="true">{summary}</figcaption>
      <div className={`${styles.plot} ${clickable ? styles.clickable : ""}`}>{plot}</div>
      {tableMode === "visible" ? (
        <div className={styles.visibleTable}>{table}</div>
      ) : (
        <details className={styles.details}>
          <summary>Data table</summary>
          <div className={styles.tableWrap}>{table}</div>
        </details>
      )}
    </figure>
  );
}

export function Swatch({ colour }: { colour: string }) {
  return <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />;
}
