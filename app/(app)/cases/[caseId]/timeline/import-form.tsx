"use client";

import { useActionState } from "react";
import { CSV_IMPORT_MAX_ROWS } from "@/lib/timeline/schema";
import { importTimelineCsvAction, type ImportActionState } from "./actions";
import { Feedback } from "@/components/ui/form-feedback";
import styles from "./timeline.module.css";

const initial: ImportActionState = { ok: false };
const EXAMPLE = "occurredAt,precision,title,detail,source,confidence,tags,tlp,key\n24/08/2021,DAY,First access,,ICO,ALMOST_CERTAIN,first-access,CLEAR,true";

/** CSV import, all or nothing, with a per-row error table. */
export function ImportCsvForm({ caseId }: { caseId: string }) {
  const [state, action, pending] = useActionState(importTimelineCsvAction, initial);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="caseId" value={caseId} />
      <p className="field-hint">
        Header: <code className={styles.hintCode}>occurredAt,precision,title,detail,source,confidence,tags,tlp,key</code>; tags separated by “;”; dates as
        2021, 2022-10, 2021-08-24 or 24/08/2021. Up to {CSV_IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows. If any row is wrong, nothing is imported.
      </p>
      <label className="field">
        <span>CSV file</span>
        <input type="file" name="file" accept=".csv,text/csv" />
      </label>
      <label className="field">
        <span>…or paste CSV</span>
        <textarea name="csv" rows={5} placeholder={EXAMPLE} className={styles.mono} />
      </label>
      <div className="row">
        <button type="submit" className="btn" disabled={pending}>{pending ? "Importing…" : "Import"}</button>
      </div>
      <Feedback state={state} />
      {state.rowErrors?.length ? (
        <div className="table-scroll">
          <table className="data-table" aria-label="Import problems">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {state.rowErrors.map((e, i) => (
                <tr key={`${e.row}-${e.column}-${i}`}>
                  <td className="num">{e.row}</td>
                  <td><code>{e.column || "—"}</code></td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
