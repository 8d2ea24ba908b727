import { expect, test } from "./fixtures";

test("pages carry a nonce-based CSP and the usual security headers", async ({ page, owner }) => {
  expect(owner.role).toBe("OWNER");
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  const res = await page.goto("/clusters");
  const h = res!.headers();
  const csp = h["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["strict-transport-security"]).toContain("max-age=");

  // Every script the page runs carries this response's nonce, and the page works.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  expect(errors).toEqual([]);

  // A second response gets a different nonce.
  const again = await page.request.get("/clusters");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
});

test("the help page is public and static, and runs no script", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const res = await page.goto("/docs/cache-tokens");
  expect(res!.status()).toBe(200);
  expect(res!.headers()["content-security-policy"]).toContain("script-src 'none'");
  await expect(page.getByRole("heading", { name: "Cache your access tokens" })).toBeVisible();
  await expect(page.getByText("429 Too Many Requests")).toBeVisible();
  await context.close();
});
