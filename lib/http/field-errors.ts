import type { z } from "zod";

// Field-level errors as the machine API reports them. Paths use dot-and-bracket notation relative
// to the request body: `alerts[3].severity`, `entities[0].name`; "" means the body as a whole.

/** One problem with one input field. */
export interface FieldError {
  path: string;
  message: string;
}

function isIdentifier(key: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(key);
}

/** ["alerts", 3, "severity"] → "alerts[3].severity"; prefix is prepended (e.g. "alerts[3]"). */
export function formatFieldPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && isIdentifier(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Zod issues as field errors; an unknown key becomes an error at that key's own path. */
export function zodFieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: formatFieldPath([...issue.path, key], prefix), message: "Unknown field" });
    } else {
      out.push({ path: formatFieldPath(issue.path, prefix), message: issue.message });
    }
  }
  return out;
}
