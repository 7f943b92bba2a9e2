import type { Tlp } from "@/lib/db/generated/enums";

export const TLP_ORDER: readonly Tlp[] = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];

export const TLP_LABELS: Record<Tlp, string> = {
  CLEAR: "TLP:CLEAR",
  GREEN: "TLP:GREEN",
  AMBER: "TLP:AMBER",
  AMBER_STRICT: "TLP:AMBER+STRICT",
  RED: "TLP:RED",
};

/** Every TLP at or below `max`, in order. */
export function tlpsUpTo(max: Tlp): Tlp[] {
  return TLP_ORDER.slice(0, TLP_ORDER.indexOf(max) + 1);
}
