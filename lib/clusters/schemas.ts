// Input shapes for clusters, shared by the forms, the actions and the tests.
import { z } from "zod";

export const clusterIdSchema = z.uuid({ error: "Not a valid cluster ID." });

export const clusterNameSchema = z
  .string({ error: "Enter a cluster name." })
  .trim()
  .min(1, "Enter a cluster name.")
  .max(50, "Use at most 50 characters.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Use letters, digits, spaces, dots, dashes and underscores.");

export const createClusterSchema = z.object({
  name: clusterNameSchema,
  region: z.string({ error: "Choose a region." }).min(1, "Choose a region.").max(32),
});

export const deleteClusterSchema = z.object({
  clusterId: clusterIdSchema,
  confirmName: z.string().max(100),
});
