"use client";

import { Fragment } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import styles from "./inbox-table.module.css";

const KEYS: { keys: string[]; what: string; triage?: boolean }[] = [
  { keys: ["j", "↓"], what: "Next alert" },
  { keys: ["k", "↑"], what: "Previous alert" },
  { keys: ["Enter"], what: "Open the current alert" },
  { keys: ["x"], what: "Select or deselect the current alert", triage: true },
  { keys: ["a"], what: "Assign the selected alerts (or the current one) to me", triage: true },
  { keys: ["e"], what: "Escalate: promote the selected alerts (or the current one) to a case", triage: true },
  { keys: ["/"], what: "Search" },
  { keys: ["?"], what: "Show or hide these shortcuts" },
  { keys: ["Esc"], what: "Close a dialog" },
];

/** The inbox's keyboard shortcuts. Open while mounted. */
export function KeyboardHelp({ canTriage, onClose }: { canTriage: boolean; onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className={`dl-grid ${styles.keys}`}>
        {KEYS.filter((k) => canTriage || !k.triage).map((k) => (
          <Fragment key={k.what}>
            <dt>
              {k.keys.map((key, i) => (
                <span key={key}>{i > 0 ? " or " : null}<kbd>{key}</kbd></span>
              ))}
            </dt>
            <dd>{k.what}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">Shortcuts do nothing while you are typing in a field. ↓ and ↑ work when a row has focus.</p>
    </ModalDialog>
  );
}
