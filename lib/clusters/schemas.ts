// Input shapes for clusters, shared by the forms, the actions and the tests.
import { z } from "zod";
import { VISIBLE_ONLY_MESSAGE, isVisibleText } from "@/lib/validation/visible-text";

export const clusterIdSchema = z.uuid({ error: "Not a valid cluster ID." });

export const clusterNameSchema = z
  .string({ error: "Enter a cluster name." })
  .trim()
  .min(1, "Enter a cluster name.")
  .max(50, "Use at most 50 characters.")
  // The pattern below already admits no invisible character; the shared rule
  // says so explicitly, and first, so the message is the same as elsewhere.
  .refine(isVisibleText, { message: VISIBLE_ONLY_MESSAGE, abort: true })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Use letters, digits, spaces, dots, dashes and underscores.");

export const createClusterSchema = z.object({
  name: clusterNameSchema,
  region: z.string({ error: "Choose a region." }).min(1, "Choose a region.").max(32),
});

export const deleteClusterSchema = z.object({
  clusterId: clusterIdSchema,
  confirmName: z.string().max(100),
});
