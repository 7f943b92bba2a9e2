"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./modal-dialog.module.css";

export interface ModalDialogProps {
  title: ReactNode;
  /** Called when the dialog closes itself (Esc, the close button): unmount it. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog, open while mounted: render it conditionally. Built on <dialog> and showModal(),
 * so focus moves into it, the page behind is inert and Esc closes it; on unmount focus returns
 * to whatever had it before. Mark the field that should take focus first with data-autofocus.
 */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element; a field marked data-autofocus wins.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    // "close" is fired from a queued task: ignore one that arrives after the dialog was reopened
    // (React's development double mount closes and reopens it at once).
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener("close", handleClose);
    return () => {
      dialog.removeEventListener("close", handleClose);
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId}>
      <div className={styles.header}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => ref.current?.close()}>
          Close<span className="sr-only"> dialog</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}
