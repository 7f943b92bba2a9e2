import { z } from "zod";
import { Severity, Tlp } from "@/lib/db/generated/enums";
import { alertIdListSchema } from "@/lib/alerts/schema";
import { CASE_TITLE_MAX } from "./rules";

const uuid = z.uuid("Not a valid id");

export const caseTitleSchema = z
  .string("Give the case a title")
  .trim()
  .min(3, "Give the case a title (at least 3 characters)")
  .max(CASE_TITLE_MAX, `Keep the title under ${CASE_TITLE_MAX} characters`);

/** Where promoted alerts go: a new case, or an open case the viewer can see. */
export const promoteTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("new"),
      title: caseTitleSchema,
      // Optional floors: the case is never less severe or less restrictive than its alerts.
      severity: z.enum(Severity, "Choose a severity").optional(),
      tlp: z.enum(Tlp, "Choose a TLP").optional(),
    }),
    z.strictObject({
      kind: z.literal("existing"),
      caseId: uuid,
    }),
  ],
  "Choose a new or an existing case",
);

export const promoteAlertsSchema = z.strictObject({
  alertIds: alertIdListSchema,
  target: promoteTargetSchema,
});

export type PromoteTarget = z.infer<typeof promoteTargetSchema>;
export type PromoteAlertsInput = z.infer<typeof promoteAlertsSchema>;
