import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { e2eContext } from "./support/context";

const { skipReason } = e2eContext();

// Cells of an inbox row: selection checkbox, severity, title, kind, status, TLP, assignee, …
const TITLE_CELL = 2;
const ASSIGNEE_CELL = 6;

const inboxRows = (page: Page) => page.locator("table[aria-label=Alerts] tbody tr");
const titleOf = (row: Locator) => row.locator("td").nth(TITLE_CELL).innerText();
const isFocused = (row: Locator) => row.evaluate((el) => el === document.activeElement);

async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

/** The row showing this title (titles are unique in the demo data). */
function rowTitled(page: Page, title: string): Locator {
  return inboxRows(page).filter({ has: page.locator(`td:nth-child(${TITLE_CELL + 1}) a`, { hasText: title }) });
}

describe.skipIf(skipReason !== null)("keyboard triage in the inbox", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const analyst = demoUser("analyst");

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    await page.goto("/login");
    await signIn(page, analyst.email, analyst.password);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("moves, selects, takes and re-statuses three alerts without the mouse", async () => {
    // New advisories: the other inbox journey works on incidents.
    await page.goto("/alerts?kind=ADVISORY&status=NEW");
    const rows = inboxRows(page);
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const titles = [await titleOf(rows.nth(0)), await titleOf(rows.nth(1)), await titleOf(rows.nth(2))];

    // The first j enters the table at the first row; j/k then move the current row.
    await press(page, "j");
    expect(await isFocused(rows.nth(0))).toBe(true);
    await press(page, "j", "j", "k");
    expect(await isFocused(rows.nth(1))).toBe(true);
    await expect(rows.nth(1).getAttribute("aria-current")).resolves.toBe("true");

    // ? shows the shortcuts; Esc closes them and focus returns to the row.
    await press(page, "?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await press(page, "Escape");
    await help.waitFor({ state: "hidden" });
    expect(await isFocused(rows.nth(1))).toBe(true);

    // x selects the current row; the count is announced and the bulk bar appears.
    await press(page, "k", "x", "j", "x", "j", "x");
    for (let i = 0; i < 3; i++) await expect(rows.nth(i).getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByText("3 alerts selected", { exact: true }).first().waitFor();
    const bar = page.getByRole("region", { name: "Bulk actions on selected alerts" });
    await bar.waitFor();
    await screenshot(page, "inbox-keyboard-selection");

    // a assigns the selection to me.
    await press(page, "a");
    await page.getByRole("status").filter({ hasText: "3 alerts assigned to you." }).waitFor();
    for (const title of titles) {
      await rowTitled(page, title).locator("td").nth(ASSIGNEE_CELL).filter({ hasText: analyst.name }).waitFor();
    }
    await bar.waitFor({ state: "hidden" });

    // Select the same three again and triage them from the bulk bar, with a reason.
    await press(page, "k", "k", "x", "j", "x", "j", "x");
    await bar.getByLabel("Status").selectOption("TRIAGED");
    await bar.getByLabel("Reason").fill("Read and filed: no action for the party");
    await bar.getByRole("button", { name: "Change status" }).click();
    await page.getByRole("status").filter({ hasText: "3 alerts now triaged." }).waitFor();
    // They leave this view of new alerts…
    for (const title of titles) await rowTitled(page, title).waitFor({ state: "detached" });
    // …and are triaged and mine.
    await page.goto("/alerts?kind=ADVISORY&status=TRIAGED&assignee=me");
    await inboxRows(page).first().waitFor();
    const triaged = await page.locator("table[aria-label=Alerts]").innerText();
    for (const title of titles) expect(triaged).toContain(title);

    // / jumps to the search box.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await press(page, "/");
    expect(await page.locator('input[name="q"]').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("promotes two alerts to a new case and lands on it", async () => {
    await page.goto("/alerts?kind=BALLOT&status=TRIAGED");
    const rows = inboxRows(page);
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const titles = [await titleOf(rows.nth(0)), await titleOf(rows.nth(1))];

    await press(page, "j", "x", "j", "x", "e");
    const dialog = page.getByRole("dialog", { name: "Promote 2 alerts to a case" });
    await dialog.waitFor();
    const caseTitle = "Ballot anomalies in the leadership contest (e2e)";
    await dialog.getByLabel("Case title").fill(caseTitle);
    await screenshot(page, "promote-dialog");
    await dialog.getByRole("button", { name: "Create case" }).click();

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(caseTitle);
    const linked = await page.locator("table[aria-label='Linked alerts']").innerText();
    for (const title of titles) expect(linked).toContain(title);
    await expect(page.locator("main").innerText()).resolves.toContain(analyst.name); // owner and member
    await screenshot(page, "case-from-alerts");
    const caseUrl = page.url();
    // One timeline event per promoted alert.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Timeline" }).click();
    await page.waitForURL(/\/timeline$/);
    const timeline = await page.getByRole("region", { name: "Events" }).innerText();
    for (const title of titles) expect(timeline).toContain(title);

    // The alerts now point at the case.
    await page.goto(caseUrl);
    await page.locator("table[aria-label='Linked alerts'] a").first().click();
    await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    await page.locator(".page-header").getByText(/Status:\s*Escalated/).waitFor();
    await page.getByRole("link", { name: caseTitle }).waitFor();
  });
});
