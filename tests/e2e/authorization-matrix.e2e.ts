// The authorization matrix of every page and route, generated from one table
// and asserted over HTTP against the production server: each path x each role
// (own and foreign organization) x signed out. One account per role signs in
// once; every cell is one request without following redirects.
// Server actions: tests/integration/authorization-matrix.test.ts.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import { createAccount, createCluster, createOrganization, expect, signIn, sql, test, type Account, type Role } from "./fixtures";
import { parseRoleMatrix } from "../support/role-matrix";

/** An API client row (no secret needed: only its page is requested); its client ID. */
async function createClientRow(organizationId: string, clusterId: string, name: string): Promise<string> {
  const clientId = randomBytes(16).toString("hex");
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '{ZEEBE}', 'seed@example.com')`,
    [clientId, organizationId, clusterId, name],
  );
  return clientId;
}

// Outcomes: ok = 200 and the page/route itself; 404 = not found page;
// to-signin / to-clusters = a redirect there; 401 / 405 = the authorization
// server's JSON error; bearer = the Administration API's 401 problem (a
// console session is no credential there); unsigned = the leak report endpoint's refusal of
// what a secret scanner did not sign (a session is no signature; the form body is refused
// first, as not JSON); session / no-session = next-auth's session document with
// or without the member. {own} and {foreign} stand for a cluster of the
// member's organization and of another one; {ownClient} and {foreignClient}
// an API client of each; "-" rows need no cluster.
const MATRIX = `
path                               where    OWNER        ADMIN        OPERATIONS_ENGINEER  DEVELOPER    VISITOR      signed-out
/                                  -        to-clusters  to-clusters  to-clusters          to-clusters  to-clusters  to-signin
/clusters                          -        ok           ok           ok                   ok           ok           to-signin
/clusters/{own}                    own      ok           ok           ok                   ok           ok           to-signin
/clusters/{foreign}                foreign  404          404          404                  404          404          to-signin
/clusters/{own}/api                own      ok           ok           ok                   ok           ok           to-signin
/clusters/{foreign}/api            foreign  404          404          404                  404          404          to-signin
/clusters/{own}/api/{ownClient}    own      ok           ok           ok                   ok           ok           to-signin
/clusters/{own}/api/{foreignClient} own     404          404          404                  404          404          to-signin
/clusters/{foreign}/api/{foreignClient} foreign 404      404          404                  404          404          to-signin
/clusters/{own}/activity           own      ok           ok           ok                   ok           ok           to-signin
/clusters/{foreign}/activity       foreign  404          404          404                  404          404          to-signin
/clusters/{own}/secrets            own      ok           ok           ok                   ok           ok           to-signin
/clusters/{foreign}/secrets        foreign  404          404          404                  404          404          to-signin
/clusters/{missing}                -        404          404          404                  404          404          to-signin
/members                           -        ok           ok           ok                   ok           ok           to-signin
/activity                          -        ok           ok           ok                   ok           ok           to-signin
/activity/export.csv               -        ok           ok           ok                   ok           ok           to-signin
/activity/export.json?cluster={foreign} - ok           ok           ok                   ok           ok           to-signin
/organization/secrets              -        ok           ok           ok                   ok           ok           to-signin
/account                           -        ok           ok           ok                   ok           ok           to-signin
/invite/cci_unknown                -        ok           ok           ok                   ok           ok           ok
/reset/ccr_unknown                 -        ok           ok           ok                   ok           ok           ok
/setup                             -        to-signin    to-signin    to-signin            to-signin    to-signin    to-signin
/signin                            -        to-clusters  to-clusters  to-clusters          to-clusters  to-clusters  ok
/docs/cache-tokens                 -        ok           ok           ok                   ok           ok           ok
/docs/trust-tokens                 -        ok           ok           ok                   ok           ok           ok
/downloads/token-client.tgz        -        ok           ok           ok                   ok           ok           ok
GET:/oauth/token                   -        405          405          405                  405          405          405
POST:/oauth/token                  -        401          401          401                  401          401          401
POST:/oauth/introspect             -        401          401          401                  401          401          401
/.well-known/jwks.json             -        ok           ok           ok                   ok           ok           ok
/.well-known/oauth-authorization-server -   ok           ok           ok                   ok           ok           ok
/.well-known/openid-configuration  -        ok           ok           ok                   ok           ok           ok
/api/auth/session                  -        session      session      session              session      session      no-session
/organization/administration-api   -        ok           ok           ok                   ok           ok           to-signin
/organization/single-sign-on       -        ok           ok           ok                   ok           ok           to-signin
/signin/sso-failed?reason=state_mismatch - ok          ok           ok                   ok           ok           ok
/signin/sso                        -        ok           ok           ok                   ok           ok           ok
/api/sso/callback?state=forged&code=x -     to-sso-failed to-sso-failed to-sso-failed      to-sso-failed to-sso-failed to-sso-failed
/docs/admin-api                    -        ok           ok           ok                   ok           ok           ok
/api/admin/v1/openapi.json         -        ok           ok           ok                   ok           ok           ok
GET:/api/admin/v1/clusters         -        bearer       bearer       bearer               bearer       bearer       bearer
POST:/api/admin/v1/clusters        -        bearer       bearer       bearer               bearer       bearer       bearer
GET:/api/admin/v1/clusters/{own}/secrets own bearer      bearer       bearer               bearer       bearer       bearer
/cluster-api/secrets               -        secrets-401  secrets-401  secrets-401          secrets-401  secrets-401  secrets-401
POST:/api/admin/v1/leaks           -        bearer       bearer       bearer               bearer       bearer       bearer
/.well-known/secret-scanning.json  -        ok           ok           ok                   ok           ok           ok
POST:/api/leaks/report             -        unsigned     unsigned     unsigned             unsigned     unsigned     unsigned
/organization/webhooks             -        ok           ok           ok                   ok           ok           to-signin
/organization/webhooks/{ownWebhook} own     ok           ok           404                  404          404          to-signin
/organization/webhooks/{foreignWebhook} foreign 404      404          404                  404          404          to-signin
/organization/email                -        ok           ok           ok                   ok           ok           to-signin
/dev/outbox                        -        404          404          404                  404          404          to-signin
/docs/notifications                -        ok           ok           ok                   ok           ok           ok
GET:/api/admin/v1/webhooks         -        bearer       bearer       bearer               bearer       bearer       bearer
`;

const ROLES: Role[] = ["OWNER", "ADMIN", "OPERATIONS_ENGINEER", "DEVELOPER", "VISITOR"];
type Who = Role | "signed-out";
type Outcome = "ok" | "404" | "401" | "405" | "bearer" | "secrets-401" | "unsigned" | "to-signin" | "to-clusters" | "to-sso-failed" | "session" | "no-session";
interface Cell {
  method: "GET" | "POST";
  path: string;
  who: Who;
  expected: Outcome;
}

function parseMatrix(text: string): Cell[] {
  return parseRoleMatrix(text, ROLES).map(({ target, who, expected }) => {
    const [method, path] = target.includes(":/") ? (target.split(":") as ["GET" | "POST", string]) : (["GET", target] as const);
    return { method, path, who, expected: expected as Outcome };
  });
}

const CELLS = parseMatrix(MATRIX);

interface World {
  own: { id: string };
  foreign: { id: string };
  ownClient: string;
  foreignClient: string;
  ownWebhook: string;
  foreignWebhook: string;
  accounts: Map<Who, Account | null>;
  requests: Map<Who, APIRequestContext>;
  contexts: BrowserContext[];
}
let world: World | undefined;

test.beforeAll(async ({ browser }) => {
  const orgId = await createOrganization();
  const own = await createCluster(orgId, "Matrix own");
  const foreignOrg = await createOrganization();
  const foreign = await createCluster(foreignOrg, "Matrix foreign");
  const ownClient = await createClientRow(orgId, own.id, "Matrix own client");
  const foreignClient = await createClientRow(foreignOrg, foreign.id, "Matrix foreign client");
  const accounts = new Map<Who, Account | null>([["signed-out", null]]);
  const requests = new Map<Who, APIRequestContext>();
  const contexts: BrowserContext[] = [];
  for (const who of [...ROLES, "signed-out"] as Who[]) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    contexts.push(context);
    const page = await context.newPage();
    if (who !== "signed-out") {
      const account = await createAccount(who, orgId);
      accounts.set(who, account);
      await signIn(page, account);
    }
    requests.set(who, page.request);
  }
  world = { own, foreign, ownClient, foreignClient, ownWebhook: await createWebhookRow(orgId), foreignWebhook: await createWebhookRow(foreignOrg), accounts, requests, contexts };
});

test.afterAll(async () => {
  for (const c of world?.contexts ?? []) await c.close();
});

/** A webhook endpoint (its sealed secret is never read by the pages). */
async function createWebhookRow(organizationId: string): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO webhook_endpoints (organization_id, url, events, secret_sealed, created_by_email)
     VALUES ($1, 'https://hooks.example.com/matrix', '{*}', $2, 'matrix@example.com') RETURNING id`,
    [organizationId, randomBytes(48)],
  );
  return rows[0]!.id;
}

function resolve(path: string, w: World): string {
  return path
    .replace("{ownWebhook}", w.ownWebhook)
    .replace("{foreignWebhook}", w.foreignWebhook)
    .replace("{ownClient}", w.ownClient)
    .replace("{foreignClient}", w.foreignClient)
    .replace("{own}", w.own.id)
    .replace("{foreign}", w.foreign.id)
    .replace("{missing}", "00000000-0000-4000-8000-000000000000");
}

async function check(cell: Cell, res: APIResponse, account: Account | null) {
  const status = res.status();
  const location = res.headers().location;
  const where = location ? new URL(location, "http://x").pathname : undefined;
  const what = `${cell.method} ${cell.path} as ${cell.who}: ${status} ${location ?? ""}`;
  switch (cell.expected) {
    case "ok":
      expect(status, what).toBe(200);
      break;
    case "404":
      expect(status, what).toBe(404);
      // The not-found page, not another organization's cluster.
      expect(await res.text(), what).not.toContain("Matrix foreign");
      break;
    case "to-signin":
    case "to-clusters":
      expect([302, 303, 307, 308], what).toContain(status);
      expect(where, what).toBe(cell.expected === "to-signin" ? "/signin" : "/clusters");
      break;
    case "to-sso-failed":
      // A callback that did not start in this browser: the failure page, never a session.
      expect(status, what).toBe(303);
      expect(location, what).toContain("/signin/sso-failed?reason=state_mismatch");
      break;
    case "401":
    case "405": {
      expect(status, what).toBe(Number(cell.expected));
      const body = (await res.json()) as { error?: string };
      expect(body.error, what).toBe(cell.expected === "401" ? "invalid_client" : "invalid_request");
      // A console session is no credential for the authorization server.
      expect(res.headers()["cache-control"], what).toBe("no-store");
      break;
    }
    case "bearer": {
      expect(status, what).toBe(401);
      expect(res.headers()["www-authenticate"], what).toContain('error="invalid_token"');
      expect(res.headers()["content-type"], what).toContain("application/problem+json");
      break;
    }
    case "secrets-401": {
      // The connector runtime's endpoint: a console session is no credential there either.
      expect(status, what).toBe(401);
      expect(res.headers()["www-authenticate"], what).toContain('error="invalid_token"');
      expect(await res.text(), what).not.toContain("Matrix");
      break;
    }
    case "unsigned": {
      expect(status, what).toBe(415);
      expect(res.headers()["cache-control"], what).toBe("no-store");
      expect(await res.text(), what).not.toContain("positive");
      break;
    }
    case "session":
    case "no-session": {
      expect(status, what).toBe(200);
      const body = (await res.json()) as { user?: { email?: string } };
      if (cell.expected === "session") expect(body.user?.email, what).toBe(account!.email);
      else expect(body.user, what).toBeUndefined();
      break;
    }
  }
}

test.describe(`page and route authorization matrix (${CELLS.length} cells)`, () => {
  test("the table covers every role and signed out", () => {
    expect(CELLS.length).toBe(55 * 6);
  });

  for (const cell of CELLS) {
    test(`${cell.method} ${cell.path} as ${cell.who} -> ${cell.expected}`, async () => {
      const w = world!;
      const request = w.requests.get(cell.who)!;
      const url = resolve(cell.path, w);
      const res =
        cell.method === "POST"
          ? await request.post(url, { form: { grant_type: "client_credentials" }, maxRedirects: 0 })
          : await request.get(url, { maxRedirects: 0 });
      await check(cell, res, w.accounts.get(cell.who) ?? null);
    });
  }
});
