"use client";

import { useActionState, useState } from "react";
import type { BriefingDraft, BuilderOptions } from "@/lib/briefings/data/drafts";
import type { SectionDefinition } from "@/lib/briefings/schema";
import { initialActionState } from "@/lib/http/action-state";
import { Feedback, FieldError } from "@/components/ui/form-feedback";
import { saveBriefingAction } from "../actions";
import { MetaFields } from "../meta-fields";
import { SECTION_KIND_LABELS, SectionEditor } from "./section-editor";

// The draft editor: title, audience, TLP and the ordered section list, saved as one versioned
// draft (a stale save comes back as a conflict). The server re-renders the preview after a save.

const MAX_SECTIONS = 30;

function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function blank(kind: SectionDefinition["kind"], options: BuilderOptions): SectionDefinition {
  const to = londonToday();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  switch (kind) {
    case "text":
      return { kind, title: "Notes", markdown: "" };
    case "case-summary":
    case "case-timeline":
      return { kind, caseId: options.cases[0]?.id ?? "" };
    case "chart":
      return { kind, chart: "alerts-per-day", from, to };
    case "alert-list":
      return { kind, savedViewId: options.savedViews[0]?.id ?? "", limit: 10 };
  }
}

export function BriefingBuilder({ draft, options }: { draft: BriefingDraft; options: BuilderOptions }) {
  const [state, action, pending] = useActionState(saveBriefingAction, initialActionState);
  const [sections, setSections] = useState<SectionDefinition[]>(draft.sections);
  const [adding, setAdding] = useState<SectionDefinition["kind"]>("text");

  const move = (i: number, by: -1 | 1) =>
    setSections((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });

  return (
    <form action={action} className="card stack" aria-label="Briefing draft">
      <input type="hidden" name="id" value={draft.id} />
      <input type="hidden" name="version" value={draft.version} />
      <input type="hidden" name="sections" value={JSON.stringify(sections)} />
      <MetaFields
        state={state}
        audiences={options.audiences}
        defaults={{ title: draft.title, audienceOrganisationId: draft.audienceOrganisationId, tlp: draft.tlp }}
        audienceLocked={draft.status === "PUBLISHED"}
      />

      <h2>Sections</h2>
      {sections.length === 0 ? <p className="muted">No sections yet. Add one below.</p> : null}
      <ol className="stack">
        {sections.map((section, i) => (
          <li key={i} className="card stack" aria-label={`Section ${i + 1}: ${SECTION_KIND_LABELS[section.kind]}`}>
            <div className="row">
              <strong>{i + 1}. {SECTION_KIND_LABELS[section.kind]}</strong>
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move section ${i + 1} up`}>↑</button>
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => move(i, 1)} disabled={i === sections.length - 1} aria-label={`Move section ${i + 1} down`}>↓</button>
              <button type="button" className="btn btn-sm btn-danger" onClick={() => setSections((l) => l.filter((_, j) => j !== i))} aria-label={`Remove section ${i + 1}`}>Remove</button>
            </div>
            <SectionEditor index={i} section={section} options={options} onChange={(next) => setSections((l) => l.map((s, j) => (j === i ? next : s)))} />
          </li>
        ))}
      </ol>
      <div className="row">
        <label className="field" htmlFor="add-section-kind">
          <span>Add a section</span>
          <select id="add-section-kind" value={adding} onChange={(e) => setAdding(e.target.value as SectionDefinition["kind"])}>
            {(Object.keys(SECTION_KIND_LABELS) as SectionDefinition["kind"][]).map((k) => <option key={k} value={k}>{SECTION_KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <button type="button" className="btn" disabled={sections.length >= MAX_SECTIONS} onClick={() => setSections((l) => [...l, blank(adding, options)])}>
          Add section
        </button>
      </div>
      <FieldError state={state} name="sections" />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Saving…" : "Save draft and refresh preview"}</button>
      </div>
      <Feedback state={state} />
      {state.conflict ? <p><a href={`/briefings/${draft.id}`}>Reload the latest draft</a></p> : null}
    </form>
  );
}
