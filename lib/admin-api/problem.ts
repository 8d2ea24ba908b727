// RFC 9457 problem details: every error of the Administration API is one,
// with Cache-Control: no-store. Titles and details are fixed strings or the
// domain's own messages; they never echo a token or a secret.
import type { z } from "zod";

export const PROBLEM_TYPE_BASE = "https://cluster-console.dev/problems/";

export interface FieldProblem {
  /** JSON pointer into the request: "#/clientName", "#/permissions/1". */
  pointer: string;
  detail: string;
}

const NO_STORE = { "Cache-Control": "no-store" };

export function problemResponse(
  status: number,
  slug: string,
  title: string,
  opts: { detail?: string; errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: `${PROBLEM_TYPE_BASE}${slug}`,
    title,
    status,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", ...NO_STORE, ...opts.headers },
  });
}

export const notFoundProblem = (detail = "No such resource in your organization.") => problemResponse(404, "not-found", "Not found", { detail });

/** zod issues as field problems pointing into the request body: the first problem of each field. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const byPointer = new Map<string, FieldProblem>();
  for (const i of error.issues) {
    const pointer = `#/${i.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
    if (!byPointer.has(pointer)) byPointer.set(pointer, { pointer, detail: i.message });
  }
  return [...byPointer.values()];
}

export function invalidRequest(errors: FieldProblem[], title = "Invalid request"): Response {
  return problemResponse(400, "invalid-request", title, {
    detail: errors.length === 1 ? errors[0]!.detail : "Some fields are invalid; see errors.",
    errors,
  });
}
