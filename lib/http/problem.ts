import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "./errors";
import { zodFieldErrors, type FieldError } from "./field-errors";

// RFC 9457 problem details for the machine API (/api/v1/*). Every error a route handler returns
// goes through here, so clients always get `application/problem+json` and never a stack trace.
//
// Field paths in `errors`: see lib/http/field-errors.ts (`alerts[3].severity`).

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * Problem details beyond status and title. Any other member becomes an extension member of the
 * body (RFC 9457 §3.2), e.g. `{ detail, errorId }`.
 */
export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  /** Extra response headers, e.g. WWW-Authenticate or Allow; never part of the body. */
  headers?: HeadersInit;
  [extension: string]: unknown;
}

export function problemBody(status: number, title: string, options: ProblemOptions = {}): ProblemBody {
  const body: ProblemBody = { type: "about:blank", title, status };
  for (const [key, value] of Object.entries(options)) {
    // Headers go on the response; the standard members above are never overridden.
    if (key !== "headers" && value !== undefined && !(key in body)) body[key] = value;
  }
  return body;
}

export function problem(status: number, title: string, options: ProblemOptions = {}): Response {
  return problemResponse(problemBody(status, title, options), options.headers);
}

/** A stored or prepared problem body as a response. */
export function problemResponse(body: ProblemBody, headers?: HeadersInit): Response {
  const out = new Headers(headers);
  out.set("Content-Type", PROBLEM_CONTENT_TYPE);
  out.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status: body.status, headers: out });
}

/** A JSON success response with the API's caching rules. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const out = new Headers(headers);
  out.set("Content-Type", "application/json");
  out.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: out });
}

/**
 * Thrown by edge helpers (body reading, token auth) to end a request with a problem response;
 * withApiErrors() turns it into that response.
 */
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly options: ProblemOptions = {},
  ) {
    super(options.detail ?? title);
    this.name = "ApiProblem";
  }

  toResponse(): Response {
    return problem(this.status, this.title, this.options);
  }
}

export function zodProblem(error: z.ZodError, status = 422): Response {
  return problem(status, status === 422 ? "Unprocessable Content" : "Bad Request", {
    detail: "The request has invalid fields; see errors.",
    errors: zodFieldErrors(error),
  });
}

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so that every failure becomes a problem response: the errors data
 * functions throw on purpose map to their statuses, and anything unexpected to a generic 500
 * (logged here with an id the client can quote), so a bug never leaks a stack trace or SQL.
 */
export function withApiErrors<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorToProblem(error);
    }
  };
}

export function errorToProblem(error: unknown): Response {
  if (error instanceof ApiProblem) return error.toResponse();
  if (error instanceof z.ZodError) return zodProblem(error);
  if (error instanceof NotFoundError) return problem(404, "Not Found", { detail: error.message });
  if (error instanceof ForbiddenError) {
    return problem(403, "Forbidden", { detail: `This credential lacks the capability “${error.capability}”.` });
  }
  if (error instanceof ConflictError) return problem(409, "Conflict", { detail: error.message });
  if (error instanceof InvalidStateError) return problem(422, "Unprocessable Content", { detail: error.message });
  const errorId = randomUUID();
  console.error(`[vigil] API error ${errorId}`, error);
  return problem(500, "Internal Server Error", {
    detail: "Something went wrong on our side. Quote the error id if you report it.",
    errorId,
  });
}
