import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { e2eContext } from "./support/context";

// An alert posted through the ingestion API appears in an open inbox without a reload: the
// API token is made by the admin through the admin area (the server's embedded database can
// only be opened by the server), the analyst watches /alerts.

const { skipReason, baseURL } = e2eContext();
const SECRET = /vgl_[A-Za-z0-9_-]{43}/;

/** Creates an API token in the admin area and returns the secret it shows once. */
async function createTokenAsAdmin(page: Page, name: string): Promise<string> {
  await page.goto("/admin");
  const form = page.getByRole("region", { name: "Create an API token" }).locator("form");
  await form.getByLabel(/^name/i).fill(name);
  for (const capability of [/alert:read/, /alert:triage/]) {
    const box = form.getByRole("checkbox", { name: capability });
    if (!(await box.isChecked())) await box.check();
  }
  await form.getByLabel(/clearance/i).selectOption("AMBER");
  await form.getByRole("button", { name: "Create token" }).click();
  // Shown once, in a read-only field (or as text): found by its shape wherever it is.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const shown = await page.evaluate(() =>
      [document.body.innerText, ...Array.from(document.querySelectorAll("input"), (i) => i.value)].join("\n"),
    );
    const secret = SECRET.exec(shown)?.[0];
    if (secret) return secret;
    if (Date.now() > deadline) throw new Error("the admin page did not show the new token's secret");
    await page.waitForTimeout(200);
  }
}

describe.skipIf(skipReason !== null)("live inbox", () => {
  let browser: Browser;
  let analystContext: BrowserContext;
  let adminContext: BrowserContext;
  let inbox: Page;
  let secret: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, demoUser("admin").email, demoUser("admin").password);
    secret = await createTokenAsAdmin(admin, `e2e live ${randomUUID().slice(0, 8)}`);
    await adminContext.close();

    analystContext = await newContext(browser);
    inbox = await analystContext.newPage();
    await signIn(inbox, demoUser("analyst").email, demoUser("analyst").password);
  });
  afterAll(async () => {
    await analystContext?.close();
    await adminContext?.close();
    await browser?.close();
  });

  it("shows “1 new alert” for an alert posted through the API, and shows it on click", async () => {
    // The banner's stream must be open before the alert is posted.
    const streamOpen = inbox.waitForResponse((res) => new URL(res.url()).pathname === "/api/v1/events" && res.status() === 200);
    await inbox.goto("/alerts");
    await streamOpen;
    await expect(inbox.getByRole("button", { name: /new alerts? — show/ }).count()).resolves.toBe(0);

    const title = `Live test: spoofed candidate domain ${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${baseURL}/api/v1/alerts`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ kind: "INCIDENT", title, severity: "HIGH", tlp: "AMBER", source: "e2e-live", sourceRef: randomUUID() }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);

    const banner = inbox.getByRole("button", { name: "1 new alert — show" });
    await banner.waitFor({ timeout: 15_000 });
    // Not inserted behind the user's back: the row appears only when asked for.
    await expect(inbox.locator("table[aria-label=Alerts]").innerText()).resolves.not.toContain(title);
    await screenshot(inbox, "live-new-alert-banner");

    await banner.click();
    await inbox.locator("table[aria-label=Alerts]").getByText(title).waitFor({ timeout: 15_000 });
    await expect(inbox.getByRole("button", { name: /new alerts? — show/ }).count()).resolves.toBe(0);
    expect(new URL(inbox.url()).pathname).toBe("/alerts");
    await screenshot(inbox, "live-new-alert-shown");
  });
});
