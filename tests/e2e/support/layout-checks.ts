// Checks every responsive/accessibility test makes on a page or an open
// dialog: nothing wider than the viewport, no serious or critical axe
// violation, and (with E2E_SCREENSHOTS=1) a full-page screenshot to look at.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;
export const THEMES = ["light", "dark"] as const;

export async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const vw = window.innerWidth;
    // Name the widest element past the edge, to make a failure readable.
    let widest = "";
    let right = vw;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && getComputedStyle(el).position !== "fixed") {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} (${Math.round(r.right)}px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, widest };
  });
  expect(scrollWidth, `${what}: page ${scrollWidth}px wide in a ${innerWidth}px viewport; widest: ${widest}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Waits (up to 2 s) for the finite animations running now, such as a toast
 * or a dialog fading in: axe measuring contrast halfway through a fade would
 * judge colours nobody sees once it has settled. Endless ones (spinners) are
 * not waited for.
 */
async function settleAnimations(page: Page) {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
}

export async function expectNoSeriousA11yViolations(page: Page, what: string, include?: string) {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join("\n  ")}`);
  expect(serious, `${what}: axe violations`).toEqual([]);
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.screenshot({ path: path.join("test-results", "screens", `${name}.png`), fullPage, animations: "disabled" });
}

/** All three checks. */
export async function checkView(page: Page, name: string, opts: { dialog?: boolean } = {}) {
  await expectNoHorizontalOverflow(page, name);
  await expectNoSeriousA11yViolations(page, name, opts.dialog ? "[role=dialog], [role=menu]" : undefined);
  // A dialog is fixed to the viewport: a full-page capture would distort it.
  await screenshot(page, name, !opts.dialog);
}
