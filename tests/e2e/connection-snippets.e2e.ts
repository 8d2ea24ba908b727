// Connection snippets: the cluster Overview shows them with placeholders and
// the rate limits in force; the creation dialog shows them with the real
// client ID and secret, and once it is closed no snippet anywhere holds it.
import type { Locator, Page } from "@playwright/test";
import { createCluster, expect, test } from "./fixtures";

const TABS = ["Shell", "Node.js", "Java", "Spring", "zbctl"];

/** The text of every snippet, tab by tab (Radix renders only the active panel). */
async function snippetTexts(scope: Locator): Promise<Record<string, string>> {
  const snippets = scope.getByTestId("connection-snippets");
  const tabs = snippets.getByRole("tablist", { name: "Connection snippets" });
  const out: Record<string, string> = {};
  for (const name of TABS) {
    await tabs.getByRole("tab", { name, exact: true }).click();
    await expect(tabs.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
    const panel = snippets.getByRole("tabpanel");
    out[name] = (await panel.locator("pre").allTextContents()).join("\n");
    expect(out[name]!.length, name).toBeGreaterThan(0);
  }
  return out;
}

async function expectNoSecretOnPage(page: Page, secret: string) {
  expect(await page.content()).not.toContain(secret);
  if ((await page.getByTestId("connection-snippets").count()) > 0) {
    for (const [tab, text] of Object.entries(await snippetTexts(page.locator("body")))) expect(text, tab).not.toContain(secret);
  }
}

test("the Overview shows snippets with placeholders and the rate limits in force", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Payments");
  await page.goto(`/clusters/${cluster.id}`);
  const note = page.getByRole("region", { name: "Cache your tokens" });
  await expect(note).toContainText("valid for 24 hours");
  await expect(note).toContainText(/at most \d+ requests per/);
  await expect(note).toContainText("429 Too Many Requests");
  await expect(note.getByRole("link", { name: "Why and how to cache tokens" })).toHaveAttribute("href", "/docs/cache-tokens");

  const texts = await snippetTexts(page.locator("body"));
  const origin = new URL(page.url()).origin;
  expect(texts.Shell).toContain(`export ZEEBE_ADDRESS='${cluster.id}.bru-2.zeebe.camunda.io:443'`);
  expect(texts.Shell).toContain(`export ZEEBE_AUTHORIZATION_SERVER_URL='${origin}/oauth/token'`);
  expect(texts.Shell).toContain("--data-urlencode 'grant_type=client_credentials'");
  expect(texts["Node.js"]).toContain('import { createCamundaClient } from "@camunda8/orchestration-cluster-api";');
  expect(texts["Node.js"]).toContain("@camunda8/sdk");
  expect(texts["Node.js"]).toContain("@cluster-console/token-client");
  await page.getByRole("tab", { name: "Node.js", exact: true }).click();
  await expect(page.getByText(`npm install ${origin}/downloads/token-client.tgz`)).toBeVisible();
  await expect(page.getByText("For @camunda8/orchestration-cluster-api 8.8 (Camunda 8.8+)")).toBeVisible();
  await page.getByRole("tab", { name: "Spring", exact: true }).click();
  await expect(page.getByText("For io.camunda:camunda-spring-boot-starter 8.8+")).toBeVisible();
  await expect(page.getByRole("link", { name: "Spring Zeebe SDK 8.7 properties" })).toHaveAttribute("href", /docs\.camunda\.io\/docs\/8\.7\//);
  expect(texts.Java).toContain('.clientSecret("<your-client-secret>")');
  expect(texts.Spring).toContain("camunda.client.auth.client-secret=<your-client-secret>");
  expect(texts.zbctl).toContain("--clientSecret '<your-client-secret>'");

  // Keyboard: arrows move between tabs (Radix Tabs, automatic activation).
  await page.getByRole("tab", { name: "Shell", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Node.js" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "Node.js" })).toHaveAttribute("aria-selected", "true");
});

test("the creation dialog's snippets carry the real secret, and nothing does after it closes", async ({ page, owner }) => {
  // Remove once components/api-clients/credentials-reveal.tsx renders <ConnectionSnippets> with the issued secret.
  const cluster = await createCluster(owner.organizationId, "Payments");
  await page.goto(`/clusters/${cluster.id}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Client name").fill("snippet-worker");
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog.getByRole("heading", { name: "Client “snippet-worker” created" })).toBeVisible();
  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  const secret = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();

  // Snippets sit behind a disclosure, so the dialog stays short.
  await dialog.getByText("File preview and connection snippets").click();
  const texts = await snippetTexts(dialog);
  for (const tab of ["Shell", "Java", "Spring", "zbctl"]) {
    expect(texts[tab], tab).toContain(clientId);
    expect(texts[tab], tab).toContain(secret);
    expect(texts[tab], tab).not.toContain("<your-client-secret>");
  }

  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toBeHidden();
  await expectNoSecretOnPage(page, secret);
  await page.reload();
  await expectNoSecretOnPage(page, secret);
  await page.goto(`/clusters/${cluster.id}`);
  await expectNoSecretOnPage(page, secret);
});
