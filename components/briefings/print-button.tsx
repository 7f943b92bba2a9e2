"use client";

/** Opens the browser's print dialog (print or save as PDF); the print stylesheet does the layout. */
export function PrintButton({ className = "btn" }: { className?: string }) {
  return (
    <button type="button" className={`${className} no-print`} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
