import type { Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";
import type { ActionState } from "@/lib/http/action-state";
import { FieldError } from "@/components/ui/form-feedback";

// Title, audience and TLP: shared by the new-briefing form and the builder.

const TLPS: readonly Tlp[] = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];

export interface MetaFieldsProps {
  state: ActionState;
  audiences: { id: string; name: string }[];
  defaults?: { title: string; audienceOrganisationId: string | null; tlp: Tlp };
  /** A published briefing keeps its audience. */
  audienceLocked?: boolean;
}

export function MetaFields({ state, audiences, defaults, audienceLocked }: MetaFieldsProps) {
  return (
    <>
      <label className="field">
        <span>Title</span>
        <input name="title" required maxLength={200} defaultValue={defaults?.title} aria-describedby="title-error" />
        <FieldError state={state} name="title" />
      </label>
      <div className="row">
        <label className="field">
          <span>Audience</span>
          <select
            name="audienceOrganisationId"
            defaultValue={defaults?.audienceOrganisationId ?? ""}
            aria-describedby="audience-hint audienceOrganisationId-error"
          >
            <option value="" disabled={audienceLocked && !!defaults?.audienceOrganisationId}>Internal (your organisation)</option>
            {audiences.map((o) => (
              <option key={o.id} value={o.id} disabled={audienceLocked && o.id !== defaults?.audienceOrganisationId}>{o.name}</option>
            ))}
          </select>
          <span id="audience-hint" className="field-hint">
            {audienceLocked ? "A published briefing keeps its audience." : "Readers there see published versions only."}
          </span>
          <FieldError state={state} name="audienceOrganisationId" />
        </label>
        <label className="field">
          <span>TLP</span>
          <select name="tlp" defaultValue={defaults?.tlp ?? "AMBER"} aria-describedby="tlp-hint tlp-error">
            {TLPS.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
          </select>
          <span id="tlp-hint" className="field-hint">Anything marked above this is left out automatically.</span>
          <FieldError state={state} name="tlp" />
        </label>
      </div>
    </>
  );
}
