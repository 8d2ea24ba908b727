// Creates an API client through the API tab's "Create New Client" dialog (the
// page must show the tab) and returns the dialog, open on the show-once view.
import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

export async function createClientInDialog(page: Page, name: string, extraScopes: string[] = []) {
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Client name").fill(name);
  for (const s of extraScopes) await dialog.getByLabel(s, { exact: true }).check();
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog.getByRole("heading", { name: `Client “${name}” created` })).toBeVisible();
  return {
    dialog,
    clientId: await dialog.getByLabel("Client ID", { exact: true }).inputValue(),
    secret: await dialog.getByLabel("Client Secret", { exact: true }).inputValue(),
  };
}
