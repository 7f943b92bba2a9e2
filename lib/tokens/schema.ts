import { z } from "zod";
import { TOKEN_CAPABILITIES, type Capability } from "@/lib/auth/permissions";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { Tlp } from "@/lib/db/generated/enums";

export const TOKEN_NAME_MAX = 100;
export const TOKEN_EXPIRY_MAX_DAYS = 365;

/** An empty form field means "not given". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const tokenCapability = z.enum(TOKEN_CAPABILITIES as [Capability, ...Capability[]], "Not a capability an API token may have");

/**
 * Creating an API token. The clearance may not exceed the creator's own: nobody can mint a
 * credential that reads more than they can.
 */
export function createApiTokenSchema(creatorClearance: Tlp) {
  return z.strictObject({
    name: z.string().trim().min(1, "Give the token a name").max(TOKEN_NAME_MAX, `Keep the name under ${TOKEN_NAME_MAX} characters`),
    capabilities: z
      .array(tokenCapability)
      .min(1, "Choose at least one capability")
      .max(TOKEN_CAPABILITIES.length)
      .transform((caps) => [...new Set(caps)]),
    clearance: z
      .enum(Tlp, "Choose a clearance")
      .refine((tlp) => TLP_ORDER.indexOf(tlp) <= TLP_ORDER.indexOf(creatorClearance), "A token's clearance cannot exceed yours"),
    expiresInDays: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number("Enter a number of days")
        .int("Enter whole days")
        .min(1, "At least 1 day")
        .max(TOKEN_EXPIRY_MAX_DAYS, `At most ${TOKEN_EXPIRY_MAX_DAYS} days`)
        .optional(),
    ),
  });
}
export type CreateApiTokenInput = z.infer<ReturnType<typeof createApiTokenSchema>>;

export const revokeApiTokenSchema = z.strictObject({
  tokenId: z.uuid("Not a valid id"),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
