import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { e2eContext } from "./support/context";

const { skipReason } = e2eContext();

describe.skipIf(skipReason !== null)("triaging an alert as an analyst", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    const analyst = demoUser("analyst");
    await page.goto("/alerts");
    // Signed out: the inbox sends us to sign in and back again afterwards.
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/alerts");
    await signIn(page, analyst.email, analyst.password);
    expect(new URL(page.url()).pathname).toBe("/alerts");
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("filters the inbox through the URL", async () => {
    await page.getByLabel("Kind").selectOption("INCIDENT");
    await page.getByLabel("Status").selectOption("NEW");
    await page.getByLabel("Assignee").selectOption("unassigned");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "INCIDENT" && url.searchParams.get("status") === "NEW");
    const rows = page.locator("table[aria-label=Alerts] tbody tr");
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      // Cells: selection checkbox, severity, title, kind, status, … Badges carry a visually
      // hidden label ("Status: New") for screen readers.
      await expect(rows.nth(i).locator("td").nth(3).innerText()).resolves.toMatch(/\bIncident$/);
      await expect(rows.nth(i).locator("td").nth(4).innerText()).resolves.toMatch(/\bNew$/);
    }
    await screenshot(page, "alerts-filtered");
  });

  it("acknowledges and takes an alert, and the audit trail shows both", async () => {
    const link = page.locator("table[aria-label=Alerts] tbody tr td:nth-child(3) a").first();
    const title = await link.innerText();
    await link.click();
    await page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(title);

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByText("Alert acknowledged.").waitFor();
    // The status badge in the header follows the change.
    await page.locator(".page-header").getByText(/Status:\s*Acknowledged/).waitFor();

    const assign = page.getByRole("button", { name: /Assign to me/ });
    await assign.click();
    await page.getByText("Alert assigned.").waitFor();

    const history = page.locator("section[aria-labelledby=history-h]");
    await history.getByText("Acknowledged").waitFor();
    await history.getByText(/^Assigned to /).waitFor();
    await expect(history.innerText()).resolves.toContain(demoUser("analyst").email);
    await screenshot(page, "alert-triaged");

    // Back in the inbox the alert is no longer among the new ones.
    await page.goto("/alerts?kind=INCIDENT&status=NEW&assignee=unassigned");
    await expect(page.locator("table[aria-label=Alerts]").innerText().catch(() => "")).resolves.not.toContain(title);
  });
});
