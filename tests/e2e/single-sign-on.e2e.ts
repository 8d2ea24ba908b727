// Single sign-on in real Chromium, through a real OpenID provider's own login
// page (oidc-provider, tests/support/oidc-provider.ts): an owner sets it up on
// the organization's page (Test connection included); a new person joins with
// the default role, another with the mapped role; "Require single sign-on"
// refuses a member's password; the owner's password still works (break-glass)
// and is listed; two organizations, each with its own provider, and a person
// in both signing in to each through that organization's provider.
// The callback's every check and refusal: tests/integration/sso/sign-in-flow.test.ts.
import type { Browser, Page } from "@playwright/test";
import { createAccount, createOrganization, expect, signIn, sql, test } from "./fixtures";
import { startTestProvider, type TestProvider } from "../support/oidc-provider";

const baseURL = `http://localhost:${process.env.E2E_PORT}`;
const uniq = () => Math.random().toString(36).slice(2, 8);

/**
 * With SHOTS_DIR set (by hand, to look at them), full-page screenshots of the
 * page at 390 and 1440 px in light and dark; the page is left as it was.
 */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const before = page.viewportSize();
  for (const width of [390, 1440]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${dir}/${name}-${width}-${colorScheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: null });
  if (before) await page.setViewportSize(before);
}

async function fresh(browser: Browser) {
  const context = await browser.newContext({ baseURL });
  return { page: await context.newPage(), close: () => context.close() };
}

async function setUp(page: Page, idp: TestProvider, domain: string, opts: { mapping?: boolean } = {}) {
  await page.goto("/organization/single-sign-on");
  await expect(page.getByText(`${baseURL}/api/sso/callback`)).toBeVisible();
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Allowed email domains").fill(domain);
  await page.getByLabel("Role of a new member").selectOption("DEVELOPER");
  if (opts.mapping) {
    await page.getByLabel("Claim").fill("groups");
    await page.getByLabel("Value").fill("console-admins");
    await page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
  }
  await page.getByLabel("Maximum session age (minutes)").fill("60");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

/** "Continue with single sign-on" on the sign-in page, then the provider's own login page. */
async function signInWithProvider(page: Page, idp: TestProvider, email: string, login: string) {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Continue with single sign-on" }).click();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await atProvider(page, idp, login);
}

async function atProvider(page: Page, idp: TestProvider, login: string) {
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.waitForURL(/\/clusters/);
}

const roleOf = async (email: string, organizationId: string) =>
  (
    await sql().query("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND m.organization_id = $2", [email, organizationId])
  ).rows[0]?.role ?? null;

test("an owner sets up single sign-on; people join through the provider's login page; require SSO; break-glass", async ({ page, owner, browser }) => {
  const idp = await startTestProvider({ redirectUri: `${baseURL}/api/sso/callback` });
  try {
    const domain = `sso-${uniq()}.test`;
    await setUp(page, idp, domain, { mapping: true });
    await page.getByRole("button", { name: "Test connection" }).click();
    const checks = page.getByRole("list", { name: "Connection checks" });
    await expect(checks).toContainText("Discovery: works.");
    await expect(checks).toContainText("Signing keys (JWKS): works.");
    await expect(checks).toContainText("Client ID and secret: works.");
    await shots(page, "settings-tested");
    // Write-only: the secret is not on the page, only its last 4 characters.
    await page.reload();
    expect(await page.content()).not.toContain(idp.clientSecret);
    await expect(page.getByText(`ending in …${idp.clientSecret.slice(-4)}`)).toBeVisible();

    // A new person: first sign-in joins with the default role.
    const ada = `ada-${uniq()}@${domain}`;
    idp.accounts.set("ada", { email: ada, email_verified: true, name: "Ada Lovelace" });
    const first = await fresh(browser);
    await first.page.goto("/signin");
    await shots(first.page, "signin");
    await first.page.goto("/signin/sso");
    await shots(first.page, "signin-sso");
    await signInWithProvider(first.page, idp, ada, "ada");
    await first.page.getByRole("button", { name: "User menu" }).click();
    await expect(first.page.getByRole("menu")).toContainText("Ada Lovelace");
    expect(await roleOf(ada, owner.organizationId)).toBe("DEVELOPER");
    await first.close();

    // The role mapping: a member of the provider's console-admins group joins as Admin.
    const grace = `grace-${uniq()}@${domain}`;
    idp.accounts.set("grace", { email: grace, email_verified: true, name: "Grace Hopper", groups: ["console-admins"] });
    const second = await fresh(browser);
    await signInWithProvider(second.page, idp, grace, "grace");
    expect(await roleOf(grace, owner.organizationId)).toBe("ADMIN");
    await second.close();

    // Require single sign-on: a member's password is refused, with words that say what to do.
    await page.getByLabel("Require single sign-on").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const developer = await createAccount("DEVELOPER", owner.organizationId);
    const refused = await fresh(browser);
    await refused.page.goto("/signin");
    await refused.page.getByLabel("Email", { exact: true }).fill(developer.email);
    await refused.page.getByLabel("Password").fill(developer.password);
    await refused.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(refused.page.getByText("Your organization signs in with single sign-on only.")).toBeVisible();
    await shots(refused.page, "signin-sso-required");
    await refused.page.goto("/signin/sso-failed?reason=email_unverified");
    await shots(refused.page, "sso-failed");
    await refused.close();

    // The owner's password still works (break-glass), and the page lists it.
    const glass = await fresh(browser);
    await glass.page.goto("/signin");
    await glass.page.getByLabel("Email", { exact: true }).fill(owner.email);
    await glass.page.getByLabel("Password").fill(owner.password);
    await glass.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await glass.page.waitForURL(/\/clusters/);
    await glass.page.goto("/organization/single-sign-on");
    await expect(glass.page.getByRole("heading", { name: "Break-glass sign-ins" })).toBeVisible();
    await expect(glass.page.getByText(owner.email).first()).toBeVisible();
    await shots(glass.page, "settings-break-glass");
    await glass.close();

    // An unknown domain gets the one answer, which names no domain.
    await page.context().clearCookies();
    await page.goto("/signin/sso");
    await page.getByLabel("Work email").fill(`someone@nowhere-${uniq()}.test`);
    await page.getByRole("button", { name: "Continue with single sign-on" }).click();
    await expect(page.getByText("No single sign-on is set up for this email address.")).toBeVisible();
    await shots(page, "signin-no-provider");
    expect(await page.content()).not.toContain(domain);
  } finally {
    await idp.close();
  }
});

test("two organizations, each with its own provider; a person in both signs in to each through its provider", async ({ browser }) => {
  const [idpA, idpB] = await Promise.all([
    startTestProvider({ redirectUri: `${baseURL}/api/sso/callback` }),
    startTestProvider({ redirectUri: `${baseURL}/api/sso/callback` }),
  ]);
  try {
    const domainA = `a-${uniq()}.test`;
    const domainB = `b-${uniq()}.test`;
    const orgA = await createOrganization(`Alpha ${uniq()}`);
    const orgB = await createOrganization(`Beta ${uniq()}`);
    for (const [org, idp, domain] of [[orgA, idpA, domainA], [orgB, idpB, domainB]] as const) {
      const owner = await createAccount("OWNER", org);
      const o = await fresh(browser);
      await signIn(o.page, owner);
      await setUp(o.page, idp, domain);
      await o.close();
    }
    // Someone of company A, joined A through A's provider, and B by invitation (a membership here).
    const email = `lin-${uniq()}@${domainA}`;
    idpA.accounts.set("lin", { email, email_verified: true, name: "Lin A" });
    idpB.accounts.set("lin-at-b", { email, email_verified: true, name: "Lin A" });
    const lin = await fresh(browser);
    await signInWithProvider(lin.page, idpA, email, "lin");
    const { rows } = await sql().query("SELECT id FROM users WHERE email = $1", [email]);
    await sql().query("INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'VISITOR')", [orgB, rows[0].id]);

    // In A now; B's provider has not signed Lin in, so switching to B goes there first.
    await lin.page.goto("/clusters");
    const orgNames = await sql().query("SELECT id, name FROM organizations WHERE id = ANY($1)", [[orgA, orgB]]);
    const nameOf = (id: string) => orgNames.rows.find((r) => r.id === id).name as string;
    await lin.page.getByRole("button", { name: "User menu" }).click();
    await expect(lin.page.getByRole("menu")).toContainText(nameOf(orgA));
    await lin.page.getByRole("menuitemradio", { name: new RegExp(nameOf(orgB)) }).click();
    await atProvider(lin.page, idpB, "lin-at-b");
    await lin.page.getByRole("button", { name: "User menu" }).click();
    await expect(lin.page.getByRole("menu")).toContainText(`Visitor · ${nameOf(orgB)}`);
    // Both providers were asked, each once for its own organization.
    expect(idpA.requests.some((r) => r.startsWith("POST /token"))).toBe(true);
    expect(idpB.requests.some((r) => r.startsWith("POST /token"))).toBe(true);
    await lin.close();
  } finally {
    await Promise.all([idpA.close(), idpB.close()]);
  }
});
