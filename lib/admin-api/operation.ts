// One Administration API operation: method, path, the permission it needs,
// the zod schemas of its path parameters, body and response, and the domain
// call. The list of operations (operations.ts) drives the route handlers,
// the OpenAPI document and the permission-matrix test alike.
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import type { AdminPermissionName } from "@cluster-console/credentials";
import type { OAuthSettings } from "@cluster-console/auth-server";

/** The Administration API client a request acts as. */
export interface AdminPrincipal extends Principal {
  clientId: string;
}

/** A body the domain already serialized (the client list is built as JSON by PostgreSQL). */
export class RawJson {
  constructor(readonly json: string) {}
}

/** A result with headers of its own (the activity export says when it was cut at its limit). */
export class WithHeaders {
  constructor(
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {}
}

/** A body written as the client reads it (the activity export), with headers of its own. */
export class StreamedBody {
  constructor(
    readonly stream: ReadableStream<Uint8Array>,
    readonly headers: Record<string, string>,
  ) {}
}

export type OperationResponse =
  | { status: 200; schema: z.ZodType; description: string }
  | { status: 204; description: string }
  | { status: 200; csv: true; description: string };

export interface Operation<P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  /** Camunda's operationId where Camunda has the operation. */
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path template under the base URL: "/clusters/{clusterUuid}". */
  path: string;
  summary: string;
  description?: string;
  permission: AdminPermissionName;
  params?: P;
  body?: B;
  /** Query parameters (optional ones, such as the activity filters); a bad value is a 400 naming it. */
  query?: Q;
  response: OperationResponse;
  /** Domain field names as the API calls them ("name" -> "clientName"), for field errors from the domain. */
  fieldNames?: Record<string, string>;
  /** The title of a 400 for a taken name (Camunda: "Client names must be unique"). */
  conflictTitle?: string;
  /** `oauth`: the authorization server's settings (audiences, issuer) this process serves with. */
  run(input: { principal: AdminPrincipal; params: z.output<P>; body: z.output<B>; query: z.output<Q>; oauth: OAuthSettings }): Promise<unknown>;
}

/** Keeps the schema types of one operation for its run function. */
export function defineOperation<P extends z.ZodType, B extends z.ZodType, Q extends z.ZodType>(op: Operation<P, B, Q>): Operation {
  return op as unknown as Operation;
}
