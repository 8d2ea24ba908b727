// Every operation of the Administration API, in the order of the OpenAPI document.
import "server-only";
import type { Operation } from "@/lib/admin-api/operation";
import { clusterOperations } from "@/lib/admin-api/operations/clusters";
import { clientOperations } from "@/lib/admin-api/operations/clients";
import { memberOperations } from "@/lib/admin-api/operations/members";
import { activityOperations } from "@/lib/admin-api/operations/activity";
import { secretOperations } from "@/lib/admin-api/operations/secrets";
import { networkOperations } from "@/lib/admin-api/operations/network";
import { leakOperations } from "@/lib/admin-api/operations/leaks";
import { notImplementedOperations } from "@/lib/admin-api/operations/not-implemented";

export const OPERATIONS: readonly Operation[] = [
  ...clusterOperations,
  ...clientOperations,
  ...secretOperations,
  ...networkOperations,
  ...memberOperations,
  ...activityOperations,
  ...leakOperations,
  ...notImplementedOperations,
];

export function operation(method: Operation["method"], path: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`No Administration API operation ${method} ${path}`);
  return op;
}
