// Not committed: screenshots of the usage charts for a visual check.
import { chromium } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { chromiumLaunchOptions } from "./tests/support/chromium.mjs";

const url = process.env.SHOT_URL!;
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const { rows: [org] } = await db.query("SELECT id FROM organizations LIMIT 1");
const { rows: [cl] } = await db.query(
  `INSERT INTO clusters (id, organization_id, name, region, created_by_email) VALUES (gen_random_uuid(), $1, 'Payments — production, eu-west (primary settlement cluster)', 'bru-2', 'seed@example.com') RETURNING id`,
  [org.id],
);
const names = ["Nightly settlement reconciliation worker for the EU ledger", "orders-worker", "invoice-renderer", "fraud-scoring-service (canary)", "tasklist-ui-backend", "optimize-importer", "zbctl on Maria's laptop", "ci-pipeline-smoke-tests"];
const now = Math.floor(Date.now() / 3600000) * 3600000;
for (const [i, name] of names.entries()) {
  const { rows: [c] } = await db.query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, last_used_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, ARRAY['ZEEBE']::"ClientScope"[], 'seed@example.com', now()) RETURNING id`,
    [randomBytes(16).toString("hex"), org.id, cl.id, name],
  );
  await db.query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, 'abcd')", [c.id, createHash("sha256").update(randomBytes(8)).digest()]);
  for (let h = 0; h < 168; h++) {
    const base = [40, 25, 12, 8, 5, 3, 2, 1][i]!;
    const v = Math.max(0, Math.round(base * (1 + Math.sin((h + i * 3) / 4)) * (h % 24 < 7 ? 0.3 : 1) + (i === 1 && h > 150 ? 60 : 0)));
    if (v === 0 && i > 0) continue;
    await db.query("INSERT INTO api_client_usage (api_client_id, hour, tokens_issued, failed_auth, rate_limited) VALUES ($1, $2, $3, $4, $5)", [c.id, new Date(now - (167 - h) * 3600000), v, i === 1 && h === 160 ? 3 : 0, i === 6 && h === 165 ? 2 : 0]);
  }
}
const browser = await chromium.launch(chromiumLaunchOptions());
for (const scheme of ["light", "dark"] as const) {
  for (const width of [390, 1440]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    const csrf = await page.request.get(`${url}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    await page.request.post(`${url}/api/auth/callback/credentials`, { form: { csrfToken, email: "shots@example.com", password: "correct horse battery staple", json: "true" } });
    await page.goto(`${url}/clusters/${cl.id}`);
    await page.getByText("Show the figures as a table").click();
    await page.screenshot({ path: `/tmp/ops-shots/overview-${scheme}-${width}.png`, fullPage: true });
    await page.goto(`${url}/clusters/${cl.id}/api`);
    await page.screenshot({ path: `/tmp/ops-shots/api-${scheme}-${width}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
await db.end();
