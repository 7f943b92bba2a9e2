import type { Confidence, TimePrecision } from "@/lib/db/generated/enums";

// Words shown for timeline values. PHIA probability yardstick (UK Professional Head of
// Intelligence Analysis), as in FACTS.md.

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  REMOTE_CHANCE: "Remote chance",
  HIGHLY_UNLIKELY: "Highly unlikely",
  UNLIKELY: "Unlikely",
  REALISTIC_POSSIBILITY: "Realistic possibility",
  LIKELY: "Likely",
  HIGHLY_LIKELY: "Highly likely",
  ALMOST_CERTAIN: "Almost certain",
};

export const CONFIDENCE_RANGES: Record<Confidence, string> = {
  REMOTE_CHANCE: "≤5%",
  HIGHLY_UNLIKELY: "10–20%",
  UNLIKELY: "25–35%",
  REALISTIC_POSSIBILITY: "40–50%",
  LIKELY: "55–75%",
  HIGHLY_LIKELY: "80–90%",
  ALMOST_CERTAIN: "≥95%",
};

export const PRECISION_LABELS: Record<TimePrecision, string> = {
  YEAR: "Year",
  MONTH: "Month",
  DAY: "Day",
  MINUTE: "Minute (UK time)",
};
