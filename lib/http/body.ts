import { ApiProblem } from "./problem";

// Reading request bodies for the machine API: JSON only, with a byte cap enforced while the body
// streams in. Content-Length is checked first as a shortcut, but it is only a claim: a chunked or
// lying client is stopped when the bytes actually read pass the cap.

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface JsonBody {
  /** The parsed JSON value. */
  value: unknown;
  /** The exact bytes received, e.g. for idempotency request hashes. */
  raw: Uint8Array;
}

function tooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem(413, "Content Too Large", { detail: `The request body must not exceed ${maxBytes} bytes.` });
}

/** True for application/json with or without parameters such as charset=utf-8. */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [mediaType, ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return false;
  // JSON is UTF-8 (RFC 8259); any other declared charset is refused rather than misread.
  return params.every((p) => !p.startsWith("charset=") || ["charset=utf-8", 'charset="utf-8"'].includes(p));
}

/** Reads at most maxBytes of the body; throws a 413 ApiProblem beyond that. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The request's JSON body: 415 unless the content type is JSON, 413 beyond maxBytes, 400 when it
 * is empty, not UTF-8 or not JSON.
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new ApiProblem(415, "Unsupported Media Type", {
      detail: "Send the body as application/json.",
      headers: { "Accept-Post": "application/json" },
    });
  }
  const raw = await readBodyBytes(request, maxBytes);
  if (raw.byteLength === 0) throw new ApiProblem(400, "Bad Request", { detail: "The request body is empty." });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw new ApiProblem(400, "Bad Request", { detail: "The request body is not valid UTF-8." });
  }
  try {
    return { value: JSON.parse(text) as unknown, raw };
  } catch {
    throw new ApiProblem(400, "Bad Request", { detail: "The request body is not valid JSON." });
  }
}
