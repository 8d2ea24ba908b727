// A page's query parameters as Next.js passes them (`searchParams`: a value,
// or a list when the parameter is repeated) or as URLSearchParams. The views
// that live in the URL (the Activity filters, the API tab's list) read each
// parameter by its first value. Plain data: safe to import from client components.
export type QueryParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The parameter's first value, if any. */
export function firstParam(params: QueryParams, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(v) ? v[0] : v;
}
