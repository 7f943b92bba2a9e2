import "server-only";
import type { TokenViewer } from "@/lib/auth/permissions";
import { authenticateApiToken } from "@/lib/tokens/data";
import { ApiProblem } from "./problem";

// The machine API authenticates with API tokens only (never the browser session cookie), so a
// page visited in a signed-in browser can never make cross-site API calls on the user's behalf.
// Capabilities are checked by the data functions (assertCan), which withApiErrors maps to 403.

const REALM = 'realm="vigil"';

/** The token viewer of an API request; throws a 401 ApiProblem (RFC 6750 challenge) otherwise. */
export async function requireApiViewer(request: Request): Promise<TokenViewer> {
  const header = request.headers.get("authorization");
  if (!header) {
    throw new ApiProblem(401, "Unauthorized", {
      detail: "Send an API token: Authorization: Bearer vgl_…",
      headers: { "WWW-Authenticate": `Bearer ${REALM}` },
    });
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const viewer = match?.[1] ? await authenticateApiToken(match[1]) : null;
  if (!viewer) {
    // One answer for malformed, unknown, revoked and expired tokens: no oracle for guessers.
    throw new ApiProblem(401, "Unauthorized", {
      detail: "The API token is invalid, expired or revoked.",
      headers: { "WWW-Authenticate": `Bearer ${REALM}, error="invalid_token"` },
    });
  }
  return viewer;
}
