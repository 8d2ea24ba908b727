// The wrappers every server action is built on, in two layers:
//  - `action`: validate the input with zod, run the domain function, and turn
//    AppError into a typed result for `useActionState` forms. Alone, it serves
//    the one action open to anonymous visitors (first-run set-up).
//  - `authedAction`: first load the member and check the permission, then the same.
import "server-only";
import { z } from "zod";
import { AppError, FIELD_ERRORS_MESSAGE } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/roles";
import { currentMember, type Member } from "@/lib/auth/session";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: AppError["code"]; fieldErrors?: Record<string, string[] | undefined> };

export type ActionInput = FormData | Record<string, unknown>;

/** FormData to a plain object; repeated keys (checkbox groups) become arrays. */
export function formToObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key);
    // An own property even for "__proto__": assigning would replace the
    // object's prototype with a posted value (found by fuzzing: a File there
    // made validation throw).
    Object.defineProperty(out, key, { value: values.length > 1 ? values : values[0], enumerable: true, configurable: true, writable: true });
  }
  return out;
}

/** Validate, run, map AppError: no session needed (see `authedAction` for everything else). */
export function action<S extends z.ZodType, T>(options: { schema: S }, run: (input: z.output<S>) => Promise<T>) {
  return async (_prev: unknown, raw: ActionInput): Promise<ActionResult<T>> => {
    const parsed = options.schema.safeParse(formToObject(raw));
    if (!parsed.success) {
      return {
        ok: false,
        code: "invalid_input",
        error: FIELD_ERRORS_MESSAGE,
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    }
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, code: err.code, error: err.message, fieldErrors: err.fieldErrors };
      }
      throw err;
    }
  };
}

/** The member (fresh from the database) and the permission first, then `action`. */
export function authedAction<S extends z.ZodType, T>(
  options: { schema: S; permission?: Permission },
  run: (input: z.output<S>, member: Member) => Promise<T>,
) {
  return async (prev: unknown, raw: ActionInput): Promise<ActionResult<T>> => {
    const member = await currentMember();
    if (!member) return { ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again." };
    if (options.permission && !can(member.role, options.permission)) {
      return { ok: false, code: "forbidden", error: "You do not have permission to do this." };
    }
    return action(options, (input) => run(input, member))(prev, raw);
  };
}
