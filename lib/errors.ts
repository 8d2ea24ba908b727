// One error type for the domain. Each edge maps the code in one place: to a
// form result (lib/auth/authed-action.ts), to an HTTP problem for the
// Administration API (lib/admin-api/handle-request.ts).
export type AppErrorCode = "invalid_input" | "unauthenticated" | "forbidden" | "not_found" | "conflict";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** What a form shows above its fields when some of them are marked. */
export const FIELD_ERRORS_MESSAGE = "Please correct the highlighted fields.";

/**
 * An error about particular fields, shown next to them: `invalid_input` for
 * a value the schema cannot judge (a region not offered), `conflict` for one
 * that clashes with stored data (a name taken).
 */
export const fieldError = (code: "invalid_input" | "conflict", fields: Record<string, string[]>) =>
  new AppError(code, FIELD_ERRORS_MESSAGE, fields);

export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);

/**
 * Refused for now, not for good: the same request may succeed after
 * `retryAfterSeconds` (an export of the caller's is still running, or its
 * export budget is used up). Each edge answers it with a 429 and Retry-After.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}
