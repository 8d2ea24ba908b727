// What a thing is for and who owns it (an API client, a cluster): free text,
// line breaks allowed, other control and invisible characters not. Absent or
// null is "". One rule for every description the console stores.
import { z } from "zod";

export function descriptionSchema(max: number) {
  return z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ error: "Enter a description." })
      .trim()
      .max(max, `Use at most ${max} characters.`)
      .transform((s) => s.replace(/\r\n?/g, "\n"))
      .refine((s) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(s.replaceAll("\n", "")), "Use visible characters and line breaks only."),
  );
}
