// A registered cluster end to end: an owner creates it with its real
// addresses through the dialog (a bad address gets a field error and creates
// nothing), the Overview, snippets and the downloaded file carry them, and the
// official 8.8 clients, configured by nothing but that file, reach a stand-in
// gateway that trusts our tokens through the issuer's discovery document
// and JWKS, and get its topology: @camunda8/orchestration-cluster-api over
// REST, @camunda8/sdk over REST and gRPC, each running the Overview's own
// snippet. Then an admin edits the addresses and the file follows.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signIn, sql, test } from "./fixtures";
import { startStandInGateway, type GatewayOptions, type StandInGateway } from "./support/stand-in-gateway";

const origin = () => `http://localhost:${process.env.E2E_PORT}`;

/**
 * Source the file, then run a Node.js snippet as an ES module from inside the
 * project (its node_modules). Asynchronously: the stand-in gateway answers
 * from this same process.
 */
async function runSnippet(envFile: string, file: string) {
  const { stdout } = await promisify(execFile)(
    "bash",
    ["--noprofile", "--norc", "-c", 'set -euo pipefail; source "$1"; exec node "$2"', "bash", envFile, file],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: `${file}.home` }, timeout: 60_000 },
  );
  return stdout;
}

async function snippetCode(page: Page, tab: string, title: string) {
  await page.getByRole("tab", { name: tab, exact: true }).click();
  return (await page.getByLabel(`${tab}: ${title}`, { exact: true }).textContent())!;
}

let gateway: StandInGateway;
const gatewayOptions: GatewayOptions = { issuer: "", audiences: ["zeebe.camunda.io"] };
test.beforeAll(async () => {
  gatewayOptions.issuer = origin();
  gateway = await startStandInGateway(gatewayOptions);
});
test.afterAll(() => gateway?.close());

test("a registered cluster's file gets the official clients to a JWKS-verifying gateway", async ({ page, owner }, testInfo) => {
  await page.goto("/clusters");
  // The empty list offers the button twice (header and empty state).
  await page.getByRole("button", { name: "Create cluster" }).first().click();
  const dialog = page.getByRole("dialog");
  const name = `Self-managed ${Date.now() % 100000}`;
  await dialog.getByLabel("Cluster name").fill(name);
  await dialog.getByRole("radio", { name: "Registered" }).check();
  await dialog.getByLabel("gRPC address").fill("grpcs://zeebe.example.com:443/path");
  await dialog.getByLabel("REST address").fill("ftp://zeebe.example.com");
  await dialog.getByLabel("Operate URL (optional)").fill("not a url");
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(dialog.getByText("A gRPC address has no path: use host:port.")).toBeVisible();
  await expect(dialog.getByText("Use an https:// (or http://) URL.")).toBeVisible();
  await expect(dialog.getByText("Enter a URL such as https://operate.example.com.")).toBeVisible();
  expect((await sql().query("SELECT 1 FROM clusters WHERE organization_id = $1", [owner.organizationId])).rowCount).toBe(0);

  await dialog.getByLabel("gRPC address").fill(gateway.grpcAddress);
  await dialog.getByLabel("REST address").fill(`${gateway.restAddress}/v2/`);
  await dialog.getByLabel("Operate URL (optional)").fill("https://operate.example.com/");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await dialog.screenshot({ path: testInfo.outputPath("create-registered-1440.png") });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("create-registered-390.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await page.waitForURL(/\/clusters\/[0-9a-f-]{36}$/);
  const clusterId = page.url().split("/").pop()!;
  gatewayOptions.clusterId = clusterId;
  const { rows } = await sql().query("SELECT grpc_address, rest_address, operate_url, tasklist_url FROM clusters WHERE id = $1", [clusterId]);
  expect(rows[0]).toEqual({ grpc_address: gateway.grpcAddress, rest_address: gateway.restAddress, operate_url: "https://operate.example.com", tasklist_url: null });

  // The Overview shows the real addresses and the cluster-specific audience.
  const info = page.locator("dl");
  await expect(info).toContainText(gateway.grpcAddress);
  await expect(info).toContainText(gateway.restAddress);
  await expect(info).toContainText("https://operate.example.com");
  await expect(info).toContainText(`${origin()}/clusters/${clusterId}`);
  await expect(info).not.toContainText("camunda.io/");
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({ path: testInfo.outputPath(`overview-registered-${width}.png`), fullPage: true });
  }
  const ocaSnippet = await snippetCode(page, "Node.js", "Orchestration Cluster API client");
  const sdkSnippet = await snippetCode(page, "Node.js", "Camunda 8 JavaScript SDK");
  const spring = await snippetCode(page, "Spring", "Camunda Spring Boot Starter");
  expect(spring).toContain("camunda.client.mode=self-managed");
  expect(spring).toContain(`camunda.client.rest-address=${gateway.restAddress}`);

  // A client and its credentials file, through the UI.
  await page.goto(`/clusters/${clusterId}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const created = page.getByRole("dialog");
  await created.getByLabel("Client name").fill("gateway-worker");
  // The Orchestration Cluster API (Zeebe, Tasklist and Operate) is ticked by default.
  await expect(created.getByLabel("Orchestration Cluster API", { exact: true })).toBeChecked();
  await created.getByRole("button", { name: "Create client" }).click();
  const clientId = await created.getByLabel("Client ID", { exact: true }).inputValue();
  await created.getByRole("tab", { name: "Shell (.env)" }).click();
  const download = page.waitForEvent("download");
  await created.getByRole("button", { name: "Download credentials" }).click();
  const envFile = testInfo.outputPath("credentials.env");
  await (await download).saveAs(envFile);
  const env = readFileSync(envFile, "utf8");
  expect(env).toContain(`export CAMUNDA_REST_ADDRESS='${gateway.restAddress}'`);
  expect(env).toContain(`export ZEEBE_GRPC_ADDRESS='${gateway.grpcAddress}'`);
  expect(env).toContain(`export ZEEBE_ADDRESS='${gateway.grpcAddress.replace("grpc://", "")}'`);
  expect(env).toContain("export ZEEBE_INSECURE_CONNECTION='true'");
  expect(env).toContain("export CAMUNDA_OPERATE_BASE_URL='https://operate.example.com'");
  expect(env).not.toContain("camunda.io/");

  // The Overview's snippets, run as they are, with nothing but the file.
  const ocaFile = testInfo.outputPath("oca-snippet.mjs");
  const sdkFile = testInfo.outputPath("sdk-snippet.mjs");
  // The clients keep sockets open for reuse; end the process once the snippet has printed.
  writeFileSync(ocaFile, `${ocaSnippet}\nprocess.exit(0);\n`);
  writeFileSync(sdkFile, `${sdkSnippet}\nprocess.exit(0);\n`);
  const before = gateway.calls.length;
  expect(await runSnippet(envFile, ocaFile)).toContain("gatewayVersion: '8.8.0'");
  const sdkOut = await runSnippet(envFile, sdkFile);
  expect(sdkOut.match(/gatewayVersion: '8\.8\.0'/g)).toHaveLength(2);
  const calls = gateway.calls.slice(before);
  expect(calls.map((c) => [c.via, c.ok])).toEqual([
    ["rest", true],
    ["rest", true],
    ["grpc", true],
  ]);
  for (const c of calls) expect(c.claims).toMatchObject({ iss: origin(), aud: "zeebe.camunda.io", sub: clientId, cluster_id: clusterId });

  // Without a token the gateway refuses.
  expect((await fetch(`${gateway.restAddress}/v2/topology`)).status).toBe(401);

  // The Overview links the guide for resource servers, readable without a session.
  await page.goto(`/clusters/${clusterId}`);
  await expect(page.getByRole("link", { name: "Trust these tokens" })).toHaveAttribute("href", "/docs/trust-tokens");
  const guide = await fetch(`${origin()}/docs/trust-tokens`, { redirect: "manual" });
  expect(guide.status).toBe(200);
  const html = await guide.text();
  for (const s of [`${origin()}/.well-known/openid-configuration`, `${origin()}/.well-known/jwks.json`, "client-id-claim: client_id", "issuer-uri"]) {
    expect(html).toContain(s);
  }
});

test("an admin edits a cluster's addresses; bad input changes nothing; a developer cannot", async ({ page, owner, makeAccount, browser }) => {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO clusters (id, organization_id, name, region, created_by_email)
     VALUES (gen_random_uuid(), $1, 'Derived first', 'bru-2', 'seed@example.com') RETURNING id`,
    [owner.organizationId],
  );
  const clusterId = rows[0]!.id;
  const admin = await makeAccount("ADMIN", owner.organizationId);
  const adminContext = await browser.newContext({ baseURL: origin() });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin);
  await adminPage.goto(`/clusters/${clusterId}`);
  await expect(adminPage.locator("dl")).toContainText(`${clusterId}.bru-2.zeebe.camunda.io:443`);
  await adminPage.getByRole("button", { name: "Edit addresses" }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByRole("radio", { name: "Registered" }).check();
  await dialog.getByLabel("gRPC address").fill("zeebe.internal.example:26500 extra");
  await dialog.getByLabel("REST address").fill("https://user:pw@zeebe.internal.example");
  await dialog.getByRole("button", { name: "Save addresses" }).click();
  await expect(dialog.getByText("Enter an address such as grpcs://zeebe.example.com:443.")).toBeVisible();
  await expect(dialog.getByText("The URL must not contain a user name or password.")).toBeVisible();
  expect((await sql().query("SELECT grpc_address FROM clusters WHERE id = $1", [clusterId])).rows[0].grpc_address).toBeNull();

  await dialog.getByLabel("gRPC address").fill("zeebe.internal.example");
  await dialog.getByLabel("REST address").fill("https://zeebe.internal.example/");
  await dialog.getByRole("button", { name: "Save addresses" }).click();
  await expect(dialog).toBeHidden();
  await expect(adminPage.locator("dl")).toContainText("grpcs://zeebe.internal.example:443");
  await expect(adminPage.locator("dl")).toContainText("https://zeebe.internal.example");
  const audit = await sql().query("SELECT action FROM audit_events WHERE cluster_id = $1 ORDER BY created_at", [clusterId]);
  expect(audit.rows.map((r) => r.action)).toContain("cluster.addresses_changed");
  await adminContext.close();

  // The owner's page shows it too; a developer sees no edit button.
  await page.goto(`/clusters/${clusterId}`);
  await expect(page.locator("dl")).toContainText("grpcs://zeebe.internal.example:443");
  const developer = await makeAccount("DEVELOPER", owner.organizationId);
  const devContext = await browser.newContext({ baseURL: origin() });
  const devPage = await devContext.newPage();
  await signIn(devPage, developer);
  await devPage.goto(`/clusters/${clusterId}`);
  await expect(devPage.locator("dl")).toContainText("grpcs://zeebe.internal.example:443");
  await expect(devPage.getByRole("button", { name: "Edit addresses" })).toHaveCount(0);
  await devContext.close();
});
