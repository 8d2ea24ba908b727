import { chromium } from "@playwright/test";
import pg from "pg";
import { chromiumLaunchOptions } from "./tests/support/chromium.mjs";
const url = process.env.SHOT_URL!;
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const { rows: [cl] } = await db.query("SELECT id FROM clusters ORDER BY created_at DESC LIMIT 1");
const browser = await chromium.launch(chromiumLaunchOptions());
for (const scheme of ["light", "dark"] as const) for (const width of [390, 1440]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await ctx.newPage();
  const { csrfToken } = await (await page.request.get(`${url}/api/auth/csrf`)).json();
  await page.request.post(`${url}/api/auth/callback/credentials`, { form: { csrfToken, email: "shots@example.com", password: "correct horse battery staple", json: "true" } });
  await page.goto(`${url}/clusters/${cl.id}`);
  await page.getByText("Show the figures as a table").click();
  await page.locator("section, div").filter({ has: page.getByRole("heading", { name: "Token usage" }) }).last().screenshot({ path: `/tmp/ops-shots/card-${scheme}-${width}.png` });
  await page.goto(`${url}/clusters/${cl.id}/api`);
  await page.locator("table").first().screenshot({ path: `/tmp/ops-shots/table-${scheme}-${width}.png` });
  await ctx.close();
}
await browser.close(); await db.end();
