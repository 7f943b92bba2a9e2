import { z } from "zod";
import { Tlp } from "@/lib/db/generated/enums";

export const NOTE_BODY_MAX = 20_000;

const uuid = z.uuid("Not a valid id");
const version = z.coerce.number("Missing version").int().min(1).max(2_147_483_647);

const body = z
  .string("Write the note")
  .trim()
  .min(1, "Write the note")
  .max(NOTE_BODY_MAX, `Keep the note under ${NOTE_BODY_MAX.toLocaleString("en-GB")} characters`);

// A checkbox sends "on" when ticked and nothing when not.
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()], "Not a valid choice")
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const fields = {
  body,
  tlp: z.enum(Tlp, "Choose a TLP"),
  shareable: checkbox,
};

/** AMBER+STRICT and RED never leave the owning organisation, so they cannot be shared. */
function notSharedAboveAmber(v: { tlp: Tlp; shareable: boolean }, ctx: z.RefinementCtx) {
  if (v.shareable && (v.tlp === "AMBER_STRICT" || v.tlp === "RED")) {
    ctx.addIssue({ code: "custom", path: ["shareable"], message: "TLP:AMBER+STRICT and TLP:RED notes cannot be shared outside your organisation" });
  }
}

export const createNoteSchema = z.strictObject({ caseId: uuid, ...fields }).superRefine(notSharedAboveAmber);

export const updateNoteSchema = z.strictObject({ noteId: uuid, version, ...fields }).superRefine(notSharedAboveAmber);

export const deleteNoteSchema = z.strictObject({ noteId: uuid, version });

export type CreateNoteInput = z.infer<typeof createNoteSchema>;
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;
export type DeleteNoteInput = z.infer<typeof deleteNoteSchema>;
