// What the invitation and password-reset browser tests share: the show-once
// dialog that hands out a link, and a browser without a session, as the
// person the link is sent to has.
import { type Browser, expect, type Page } from "@playwright/test";

/** A browser context of its own, with no session. */
export async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

/**
 * Reads the link from the show-once dialog (`<title>` with a field
 * `<label>`), checks its form and lifetime, and closes the dialog, which asks
 * first: the link cannot be shown again.
 */
export async function takeShownLink(page: Page, shown: { title: string; label: string; pattern: RegExp; lifetime: string }): Promise<string> {
  const dialog = page.getByRole("dialog", { name: shown.title });
  const link = await dialog.getByLabel(shown.label, { exact: true }).inputValue();
  expect(link).toMatch(shown.pattern);
  await expect(dialog).toContainText(`It works once, for ${shown.lifetime}`);
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have copied the link" }).click();
  await expect(dialog).toBeHidden();
  return link;
}
