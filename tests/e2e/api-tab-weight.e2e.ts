// The API tab's weight: a page of 20 clients stays under a byte budget, and
// what every row would repeat (a cell's classes, the "⋯" icon, the usage
// chart's sentence, an idle client's 168 zeros) is written once. Measured
// on 2026-11-27 (bench:api-tab, 1,000 clients): 99 KB, 2.3 KB per row, down
// from 156 KB and 4.7 KB; the budgets are 1.5x that.
import { expect, sql, test, createCluster } from "./fixtures";

const PAGE_BUDGET = 148_000;
const ROW_BUDGET = 3_500;

test("a page of 20 API clients stays under its byte budget, with nothing repeated per row that can be written once", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await sql().query(
    `WITH c AS (
       INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at)
       SELECT gen_random_uuid(), 'weight' || i || '-' || md5(random()::text), $1, $2, 'client ' || i,
              ARRAY['ZEEBE','TASKLIST']::"ClientScope"[], 'seed@example.com', now() - i * interval '1 minute'
         FROM generate_series(1, 25) i RETURNING id)
     INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
     SELECT gen_random_uuid(), id, sha256(id::text::bytea), 'abcd' FROM c`,
    [owner.organizationId, cluster.id],
  );
  const res = await page.request.get(`/clusters/${cluster.id}/api`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  const rows = html.match(/<tr data-client-id="[^"]*".*?<\/tr>/gs) ?? [];
  expect(rows).toHaveLength(20);

  const bytes = Buffer.byteLength(html);
  expect(bytes, `the API tab is ${bytes} bytes`).toBeLessThan(PAGE_BUDGET);
  for (const row of rows) expect(Buffer.byteLength(row)).toBeLessThan(ROW_BUDGET);

  const row = rows[0]!;
  // A cell's own look (and its phone label) lives in app/globals.css.
  expect(row).not.toMatch(/max-md:before:|px-4 py-3/);
  // The "⋯" icon is one symbol in the header that every row's button uses.
  expect(row).not.toContain("<circle");
  expect(row).toContain('<use href="#row-menu-icon">');
  expect(html.match(/<symbol id="row-menu-icon"/g)).toHaveLength(1);
  // The chart's sentence once (its <title>), not in an aria-label as well.
  expect(row.match(/Tokens issued per hour by client/g)).toHaveLength(1);
  // Idle clients' usage is not sent as 168 zeros each in the page's payload.
  expect(html).not.toContain("tokensPerHour");

  // What the person sees is still there: the chart's name, the menu, its icon.
  await page.goto(`/clusters/${cluster.id}/api`);
  const first = page.locator("tbody tr").first();
  await expect(first.getByRole("img", { name: /^Tokens issued per hour by client 1 over the last 7 days: 0 in total/ })).toBeVisible();
  const menu = first.getByRole("button", { name: "Actions for client 1", exact: true });
  const icon = await menu.locator("svg").boundingBox();
  expect(icon?.width).toBe(16);
  await menu.click();
  await expect(page.getByRole("menuitem", { name: "Rotate secret" })).toBeVisible();
});
