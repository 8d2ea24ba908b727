// Every operation of the Administration API, in the order of the OpenAPI document.
import "server-only";
import type { Operation } from "@/lib/admin-api/operation";
import { clusterOperations } from "@/lib/admin-api/operations/clusters";
import { clientOperations } from "@/lib/admin-api/operations/clients";
import { memberOperations } from "@/lib/admin-api/operations/members";
import { activityOperations } from "@/lib/admin-api/operations/activity";
import { webhookOperations } from "@/lib/admin-api/operations/webhooks";

export const OPERATIONS: readonly Operation[] = [...clusterOperations, ...clientOperations, ...memberOperations, ...activityOperations, ...webhookOperations];

export function operation(method: Operation["method"], path: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`No Administration API operation ${method} ${path}`);
  return op;
}
