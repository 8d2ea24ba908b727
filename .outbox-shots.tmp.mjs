// Temporary (not committed): screenshots of the development outbox.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium.mjs";
const base = process.env.BASE;
const browser = await chromium.launch(chromiumLaunchOptions());
const ctx = await browser.newContext({ baseURL: base });
const page = await ctx.newPage();
const csrf = await (await page.request.get("/api/auth/csrf")).json();
const r = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: "owner@example.com", password: "correct horse battery staple", json: "true" } });
console.log("signin", r.status());
// An invitation and a reset through the real dialogs' actions: via the UI.
await page.goto("/members", { timeout: 180_000 });
await page.getByRole("button", { name: "Invite member" }).click();
await page.getByRole("dialog").getByLabel("Email").fill("maximiliane.alexandra.von-reconciliation-worthington@operations.example.com");
await page.getByRole("dialog").getByRole("button", { name: "Create invitation link" }).click();
await page.getByRole("dialog").getByText("Copy the link now").waitFor({ timeout: 60_000 });
await page.screenshot({ path: "/tmp/shots/notify/dev-invite-dialog-1440-light.png" });
await new Promise((r) => setTimeout(r, 4000));
for (const [w, h] of [[390, 844], [1440, 900]]) {
  for (const scheme of ["light", "dark"]) {
    const c = await browser.newContext({ baseURL: base, viewport: { width: w, height: h }, colorScheme: scheme, storageState: await ctx.storageState() });
    const p = await c.newPage();
    await p.goto("/dev/outbox", { timeout: 180_000 });
    await p.screenshot({ path: `/tmp/shots/notify/outbox-${w}-${scheme}.png`, fullPage: true });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log("outbox", w, scheme, "overflow", overflow);
    await c.close();
  }
}
await browser.close();
