// The path a person takes to a credentials file: the API tab's "Create New
// Client" dialog, a name, the Shell (.env) tab, "Download credentials". What
// the official clients are then configured with, and nothing else.
import type { Page, TestInfo } from "@playwright/test";

export async function createClientAndDownloadEnv(page: Page, clusterId: string, name: string, testInfo: TestInfo) {
  await page.goto(`/clusters/${clusterId}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Client name").fill(name);
  await dialog.getByRole("button", { name: "Create client" }).click();
  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  await dialog.getByRole("tab", { name: "Shell (.env)" }).click();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download credentials" }).click();
  const envFile = testInfo.outputPath(`${name}.env`);
  await (await download).saveAs(envFile);
  return { clientId, envFile, dialog };
}
