// Usage charts as a person sees them: after N token requests the client's
// chart on the API tab and the cluster's chart on the Overview show N in the
// current hour, whether one instance issued them or two did (each counts in
// memory and writes its share; the database holds the sum).
import type { Page } from "@playwright/test";
import { createCluster, expect, seedClient, sql, test } from "./fixtures";
import { startSecondInstance } from "./support/second-instance";

const HOUR_MS = 3_600_000;


const form = (c: { clientId: string; secret: string }, secret = c.secret) => ({
  grant_type: "client_credentials",
  client_id: c.clientId,
  client_secret: secret,
});

/** Counts split at the hour: start only when the current hour has time left. */
async function clearOfHourEnd() {
  const left = HOUR_MS - (Date.now() % HOUR_MS);
  if (left < 45_000) await new Promise((r) => setTimeout(r, left + 1_000));
}

/** The client's chart in its row of the API tab, reloaded until it shows `n` in the current hour. */
async function expectClientChart(page: Page, clusterId: string, c: { clientId: string; name: string }, n: number) {
  await expect(async () => {
    await page.goto(`/clusters/${clusterId}/api`);
    const chart = page.locator(`tr[data-client-id="${c.clientId}"]`).getByRole("img", { name: /Tokens issued per hour/ });
    await expect(chart).toHaveAccessibleName(new RegExp(`by ${escapeRegExp(c.name)} over the last 7 days: ${n} in total, ${n} in the current hour`), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("after N token requests the client's and the cluster's charts show N in the current hour", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Payments — production, eu-west (primary)");
  const client = await seedClient(owner.organizationId, cluster.id, "Nightly settlement reconciliation worker for the EU ledger");
  await clearOfHourEnd();
  const N = 5;
  // The failed attempt first: once the chart shows the N tokens, every count before them has been flushed too.
  expect((await page.request.post("/oauth/token", { form: form(client, "ccs_wrong"), failOnStatusCode: false })).status()).toBe(401);
  for (let i = 0; i < N; i++) expect((await page.request.post("/oauth/token", { form: form(client) })).status()).toBe(200);

  await expectClientChart(page, cluster.id, client, N);
  const row = page.locator(`tr[data-client-id="${client.clientId}"]`);
  await expect(row.getByRole("img", { name: /Tokens issued per hour/ })).toHaveAccessibleName(/from any caller: 1 failed attempt \(wrong or expired secret\), 0 rate-limited\.$/);
  await expect(row).toContainText(`${N} tokens in 7 d1 failed by any caller`);

  await page.goto(`/clusters/${cluster.id}`);
  const overview = page.getByRole("img", { name: /^Tokens issued per hour over the last 7 days/ });
  await expect(overview).toHaveAccessibleName(new RegExp(`${N} in total, ${N} in the current hour, peak ${N} per hour. By client: ${escapeRegExp(client.name)} ${N}\\.`));
  await expect(page.getByRole("list", { name: "Clients in the chart" })).toContainText(client.name);
  // The text alternative: the same figures as a table.
  await page.getByText("Show the figures as a table").click();
  const table = page.getByRole("table", { name: /Tokens issued per client per day/ });
  await expect(table.getByRole("row", { name: new RegExp(escapeRegExp(client.name)) })).toContainText(String(N));
});

test("tokens issued by two instances are summed in the chart", async ({ page, owner }) => {
  const second = await startSecondInstance();
  try {
    const cluster = await createCluster(owner.organizationId);
    const client = await seedClient(owner.organizationId, cluster.id, "orders-worker");
    await clearOfHourEnd();
    const [A, B] = [3, 4];
    for (let i = 0; i < A; i++) expect((await page.request.post("/oauth/token", { form: form(client) })).status()).toBe(200);
    for (let i = 0; i < B; i++) {
      const res = await fetch(`${second.url}/oauth/token`, { method: "POST", body: new URLSearchParams(form(client)) });
      expect(res.status).toBe(200);
    }
    await expectClientChart(page, cluster.id, client, A + B);
    // Each instance wrote its own share: both added to the same hour's row.
    const { rows } = await sql().query<{ tokens_issued: number }>(
      "SELECT u.tokens_issued FROM api_client_usage u JOIN api_clients c ON c.id = u.api_client_id WHERE c.client_id = $1",
      [client.clientId],
    );
    expect(rows).toEqual([{ tokens_issued: A + B }]);
  } finally {
    await second.stop();
  }
});
