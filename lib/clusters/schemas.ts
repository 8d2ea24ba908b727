// Input shapes for clusters, shared by the forms, the actions and the tests.
import { z } from "zod";
import { visibleName } from "@/lib/validation/visible-text";
import { descriptionSchema } from "@/lib/validation/description";
import { parseGrpcAddress, parseHttpUrl } from "@cluster-console/credentials";

export const clusterIdSchema = z.uuid({ error: "Not a valid cluster ID." });

export const CLUSTER_NAME_MAX = 50;

export const clusterNameSchema = z
  .string({ error: "Enter a cluster name." })
  .trim()
  .min(1, "Enter a cluster name.")
  .max(CLUSTER_NAME_MAX, `Use at most ${CLUSTER_NAME_MAX} characters.`)
  // The names rule every name shares (emoji and parentheses included).
  .superRefine(visibleName);

/** Camunda's Administration API allows 150 characters; the console keeps that limit. */
export const CLUSTER_DESCRIPTION_MAX = 150;
export const clusterDescriptionSchema = descriptionSchema(CLUSTER_DESCRIPTION_MAX);

/** The console's edit dialog: a new name and description. */
export const updateClusterSchema = z.object({
  clusterId: clusterIdSchema,
  name: clusterNameSchema,
  description: clusterDescriptionSchema,
});

export const deleteClusterSchema = z.object({
  clusterId: clusterIdSchema,
  confirmName: z.string().max(100),
});

// --- Cluster addresses: derived from the region (default) or registered ---

// Length and shape are the parsers' to check (packages/credentials/src/cluster-addresses.ts, one
// rule and one message per problem), and only for the registered addresses.
const addressField = z.string().optional();

/** The address fields of the create and edit forms; blank optional URLs are unset. */
const addressFields = {
  addresses: z.enum(["derived", "registered"], { error: "Choose how the addresses are set." }).default("derived"),
  grpcAddress: addressField,
  restAddress: addressField,
  operateUrl: addressField,
  tasklistUrl: addressField,
  optimizeUrl: addressField,
};

export interface RegisteredAddresses {
  grpcAddress: string;
  restAddress: string;
  operateUrl: string | null;
  tasklistUrl: string | null;
  optimizeUrl: string | null;
}

type AddressInput = { addresses: "derived" | "registered" } & Partial<Record<keyof RegisteredAddresses, string>>;

/** Each field parsed on its own, so every bad one gets its own error. */
function parseRegistered(v: AddressInput): { value?: RegisteredAddresses; errors: [keyof RegisteredAddresses, string][] } {
  const errors: [keyof RegisteredAddresses, string][] = [];
  const required = (key: "grpcAddress" | "restAddress") => {
    const r = key === "grpcAddress" ? parseGrpcAddress(v[key] ?? "") : parseHttpUrl(v[key] ?? "", "REST API", { stripV2: true });
    if (!r.ok) errors.push([key, r.error]);
    return r.ok ? r.value : "";
  };
  const optional = (key: "operateUrl" | "tasklistUrl" | "optimizeUrl", what: string) => {
    if (!v[key]?.trim()) return null;
    const r = parseHttpUrl(v[key]!, what);
    if (!r.ok) errors.push([key, r.error]);
    return r.ok ? r.value : null;
  };
  const value: RegisteredAddresses = {
    grpcAddress: required("grpcAddress"),
    restAddress: required("restAddress"),
    operateUrl: optional("operateUrl", "Operate"),
    tasklistUrl: optional("tasklistUrl", "Tasklist"),
    optimizeUrl: optional("optimizeUrl", "Optimize"),
  };
  return errors.length ? { errors } : { value, errors };
}

const addressesObject = z.object(addressFields);

function refineAddresses(v: AddressInput, ctx: z.RefinementCtx) {
  if (v.addresses !== "registered") return;
  for (const [path, message] of parseRegistered(v).errors) ctx.addIssue({ code: "custom", path: [path], message });
}

/** The address fields become `registered`: the normalized addresses, or null for derived ones. */
function toRegistered<V extends AddressInput>(v: V) {
  const { addresses, grpcAddress: _g, restAddress: _r, operateUrl: _o, tasklistUrl: _t, optimizeUrl: _p, ...rest } = v;
  const registered: RegisteredAddresses | null = addresses === "registered" ? parseRegistered(v).value! : null;
  return { ...rest, registered };
}

/** Name, region, and optionally the cluster's real addresses. */
export const createClusterSchema = addressesObject
  .extend({
    name: clusterNameSchema,
    description: clusterDescriptionSchema,
    region: z.string({ error: "Choose a region." }).min(1, "Choose a region.").max(32),
  })
  .superRefine(refineAddresses)
  .transform(toRegistered);

export const updateClusterAddressesSchema = addressesObject
  .extend({ clusterId: clusterIdSchema })
  .superRefine(refineAddresses)
  .transform(toRegistered);
