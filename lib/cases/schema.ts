import { z } from "zod";
import { CaseStatus, Severity, Tlp } from "@/lib/db/generated/enums";
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

// ---- Case workspace: list, create, edit, status, members, sharing ----

const version = z.coerce.number("Missing version").int().min(1);
const severity = z.enum(Severity, "Choose a severity");
const tlp = z.enum(Tlp, "Choose a TLP");
const CASE_SUMMARY_MAX = 5000;
const TAG_MAX = 40;
const TAGS_MAX = 20;

const caseSummarySchema = z.string().trim().max(CASE_SUMMARY_MAX, `Keep the summary under ${CASE_SUMMARY_MAX} characters`);

/** Tags as typed in a form ("apt31, phishing") or as a list; trimmed, lower-cased, de-duplicated. */
export const caseTagsSchema = z
  .union([z.string().max(2000, "Too many tags"), z.array(z.string().max(TAG_MAX + 10)).max(TAGS_MAX + 10)])
  .transform((v) => (typeof v === "string" ? v.split(",") : v))
  .transform((tags) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(TAG_MAX, `Keep each tag under ${TAG_MAX} characters`).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:+-]*$/u, "Tags use letters, digits, spaces and . _ : + -"))
      .max(TAGS_MAX, `At most ${TAGS_MAX} tags`),
  );

export const createCaseSchema = z.strictObject({
  title: caseTitleSchema,
  summary: caseSummarySchema.default(""),
  severity,
  tlp,
  tags: caseTagsSchema.default([]),
});

export const updateCaseSchema = z.strictObject({
  caseId: uuid,
  version,
  title: caseTitleSchema,
  summary: caseSummarySchema,
  severity,
  tlp,
  tags: caseTagsSchema,
});

const reasonText = (what: string) =>
  z.string().trim().min(3, `Give a ${what} (at least 3 characters)`).max(2000, `Keep the ${what} under 2000 characters`);

/** Empty form fields mean "not given". */
const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const changeCaseStatusSchema = z.strictObject({
  caseId: uuid,
  version,
  status: z.enum(CaseStatus, "Choose a status"),
  resolution: optionalText(reasonText("resolution")),
  reason: optionalText(reasonText("reason")),
});

export const caseMemberSchema = z.strictObject({ caseId: uuid, userId: z.uuid("Choose a person") });
export const caseShareSchema = z.strictObject({ caseId: uuid, organisationId: z.uuid("Choose an organisation") });

export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;
export type ChangeCaseStatusInput = z.infer<typeof changeCaseStatusSchema>;
export type CaseMemberInput = z.infer<typeof caseMemberSchema>;
export type CaseShareInput = z.infer<typeof caseShareSchema>;

// The case list: every filter a plain URL parameter.
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const caseListQuerySchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(CaseStatus).optional()),
  severity: z.preprocess(emptyToUndefined, severity.optional()),
  tlp: z.preprocess(emptyToUndefined, tlp.optional()),
  owner: z.preprocess(emptyToUndefined, z.union([z.literal("me"), z.uuid()]).optional()),
  tag: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().max(TAG_MAX).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  after: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
});

export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** Reads the URL's parameters, dropping (and naming) the ones that are not valid. */
export function parseCaseListQuery(raw: Record<string, unknown>): { query: CaseListQuery; ignored: string[] } {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) params[key] = Array.isArray(value) ? value[0] : value;
  const ignored: string[] = [];
  for (;;) {
    const result = caseListQuerySchema.safeParse(params);
    if (result.success) return { query: result.data, ignored };
    const bad = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter((k) => k in params);
    if (bad.length === 0) return { query: {}, ignored: Object.keys(params) };
    for (const key of bad) {
      delete params[key];
      ignored.push(key);
    }
  }
}
