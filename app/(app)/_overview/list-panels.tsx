import Link from "next/link";
import { KindBadge, SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { CASE_STATUS_LABELS } from "@/lib/cases/status-rules";
import { newestHighSeverityAlerts } from "@/lib/dashboard/data/alerts";
import { casesChangedToday, overdueTasks } from "@/lib/dashboard/data/cases";
import { formatAge, formatDateTime, humanise } from "@/lib/format";
import styles from "./overview.module.css";

// The overview's list panels: each an async server component that loads its own data.

function Shown({ shown, total }: { shown: number; total: number }) {
  return <p className={styles.more}>{total > shown ? `Showing ${shown} of ${total}.` : `${total} in all.`}</p>;
}

export async function OverdueTasksPanel() {
  const viewer = await requireViewer();
  const { count, rows } = await overdueTasks(viewer);
  if (count === 0) return <EmptyState title="No overdue tasks">Every task with a due date is on time or done.</EmptyState>;
  return (
    <>
      <ul className={styles.list}>
        {rows.map((t) => (
          <li key={t.id}>
            <Link className={styles.itemTitle} href={`/cases/${t.caseId}/tasks`}>{t.title}</Link>
            <span className={styles.overdue}>Due {t.dueDate}</span>
            <span className={styles.meta}>
              {t.caseTitle} · {humanise(t.status)} · {t.assignee ?? "Unassigned"}
            </span>
          </li>
        ))}
      </ul>
      <Shown shown={rows.length} total={count} />
    </>
  );
}

export async function HighSeverityAlertsPanel() {
  const viewer = await requireViewer();
  const rows = await newestHighSeverityAlerts(viewer, 10);
  if (rows.length === 0) return <EmptyState title="No open high or critical alerts">The most severe open alerts will be listed here.</EmptyState>;
  const now = new Date();
  return (
    <>
      <ul className={styles.list}>
        {rows.map((a) => (
          <li key={a.id}>
            <SeverityBadge severity={a.severity} />
            <Link className={styles.itemTitle} href={`/alerts/${a.id}`}>{a.title}</Link>
            <span className={styles.meta}>
              <KindBadge kind={a.kind} /> <StatusBadge status={a.status} /> <TlpBadge tlp={a.tlp} />{" "}
              <time dateTime={a.createdAt.toISOString()} title={formatDateTime(a.createdAt)}>{formatAge(a.createdAt, now)}</time>
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.more}>
        <Link href="/alerts?severity=HIGH&severity=CRITICAL&status=NEW&status=ACKNOWLEDGED&status=TRIAGED">All open high and critical alerts</Link>
      </p>
    </>
  );
}

export async function CasesChangedTodayPanel() {
  const viewer = await requireViewer();
  const { count, rows } = await casesChangedToday(viewer);
  if (count === 0) return <EmptyState title="No cases changed today">Cases updated since midnight (UK time) appear here.</EmptyState>;
  return (
    <>
      <ul className={styles.list}>
        {rows.map((c) => (
          <li key={c.id}>
            <SeverityBadge severity={c.severity} />
            <Link className={styles.itemTitle} href={`/cases/${c.id}`}>{c.title}</Link>
            <span className={styles.meta}>
              {CASE_STATUS_LABELS[c.status]} · <TlpBadge tlp={c.tlp} /> ·{" "}
              <time dateTime={c.updatedAt.toISOString()}>{formatDateTime(c.updatedAt)}</time>
            </span>
          </li>
        ))}
      </ul>
      <Shown shown={rows.length} total={count} />
    </>
  );
}
