"use server";
// Owners: check the saved provider (discovery, JWKS, the client's credentials)
// and say what failed in plain words. Reads only; nothing is changed.
import { authedAction } from "@/lib/auth/authed-action";
import { testSsoConnectionSchema } from "@/lib/sso/schemas";
import { testSsoConnection as test } from "@/lib/sso/test-connection";

export const testSsoConnection = authedAction({ schema: testSsoConnectionSchema, permission: "organization:settings" }, async (_input, member) =>
  test(member.organizationId),
);
