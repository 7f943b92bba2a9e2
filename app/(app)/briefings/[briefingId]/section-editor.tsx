"use client";

import type { SectionDefinition } from "@/lib/briefings/schema";
import { TLP_LABELS } from "@/lib/auth/tlp";
import type { BuilderOptions } from "@/lib/briefings/data/drafts";

// The per-type form of one section definition in the builder. Controlled: the builder owns the
// list and serialises it into the save form.

export const SECTION_KIND_LABELS: Record<SectionDefinition["kind"], string> = {
  text: "Text (Markdown)",
  "case-summary": "Case summary",
  "case-timeline": "Case timeline",
  chart: "Chart",
  "alert-list": "Alerts from a saved view",
};

interface Props {
  index: number;
  section: SectionDefinition;
  options: BuilderOptions;
  onChange: (next: SectionDefinition) => void;
}

export function SectionEditor({ index, section, options, onChange }: Props) {
  const id = (name: string) => `section-${index}-${name}`;
  const set = (patch: Record<string, unknown>) => onChange({ ...section, ...patch } as SectionDefinition);
  const optional = (v: string) => (v === "" ? undefined : v);

  const caseSelect = (caseId: string) => (
    <label className="field" htmlFor={id("case")}>
      <span>Case</span>
      <select id={id("case")} value={caseId} onChange={(e) => set({ caseId: e.target.value })} required>
        <option value="" disabled>Choose a case</option>
        {options.cases.map((c) => <option key={c.id} value={c.id}>{c.title} ({TLP_LABELS[c.tlp]})</option>)}
      </select>
    </label>
  );
  const heading = section.kind !== "text" && (
    <label className="field" htmlFor={id("title")}>
      <span>Heading (optional)</span>
      <input id={id("title")} maxLength={200} value={section.title ?? ""} onChange={(e) => set({ title: optional(e.target.value) })} />
    </label>
  );

  switch (section.kind) {
    case "text":
      return (
        <div className="stack">
          <label className="field" htmlFor={id("title")}>
            <span>Heading</span>
            <input id={id("title")} required maxLength={200} value={section.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label className="field" htmlFor={id("markdown")}>
            <span>Text (Markdown)</span>
            <textarea id={id("markdown")} rows={6} maxLength={20_000} value={section.markdown} onChange={(e) => set({ markdown: e.target.value })} />
          </label>
        </div>
      );
    case "case-summary":
      return <div className="stack">{caseSelect(section.caseId)}{heading}</div>;
    case "case-timeline":
      return (
        <div className="stack">
          {caseSelect(section.caseId)}
          <div className="row">
            <label className="field" htmlFor={id("from")}>
              <span>From (optional)</span>
              <input id={id("from")} type="date" value={section.from ?? ""} onChange={(e) => set({ from: optional(e.target.value) })} />
            </label>
            <label className="field" htmlFor={id("to")}>
              <span>To (optional)</span>
              <input id={id("to")} type="date" value={section.to ?? ""} onChange={(e) => set({ to: optional(e.target.value) })} />
            </label>
          </div>
          {heading}
        </div>
      );
    case "chart":
      return (
        <div className="stack">
          <div className="row">
            <label className="field" htmlFor={id("chart")}>
              <span>Chart</span>
              <select id={id("chart")} value={section.chart} onChange={(e) => set({ chart: e.target.value })}>
                <option value="alerts-per-day">Alerts per day, by kind</option>
                <option value="open-by-severity">Open alerts by severity</option>
              </select>
            </label>
            <label className="field" htmlFor={id("from")}>
              <span>From</span>
              <input id={id("from")} type="date" required value={section.from} onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label className="field" htmlFor={id("to")}>
              <span>To</span>
              <input id={id("to")} type="date" required value={section.to} onChange={(e) => set({ to: e.target.value })} />
            </label>
          </div>
          {heading}
        </div>
      );
    case "alert-list":
      return (
        <div className="stack">
          <div className="row">
            <label className="field" htmlFor={id("view")}>
              <span>Saved view</span>
              <select id={id("view")} value={section.savedViewId} onChange={(e) => set({ savedViewId: e.target.value })} required>
                <option value="" disabled>Choose a saved view</option>
                {options.savedViews.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
              </select>
            </label>
            <label className="field" htmlFor={id("limit")}>
              <span>Alerts (at most 50)</span>
              <input id={id("limit")} type="number" min={1} max={50} value={section.limit} onChange={(e) => set({ limit: Number(e.target.value) })} />
            </label>
          </div>
          {heading}
        </div>
      );
  }
}
