import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, signIn } from "./support/browser";
import { e2eContext } from "./support/context";

const { skipReason } = e2eContext();

// The session cookie is a JWT that stays cryptographically valid until it expires; these check
// that the server refuses it anyway once the session has been ended.
describe.skipIf(skipReason !== null)("ending sessions", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedInCookies(key: "viewer" | "vetting") {
    const context = await newContext(browser);
    const page = await context.newPage();
    const user = demoUser(key);
    await signIn(page, user.email, user.password);
    return { context, page, cookies: await context.cookies() };
  }

  async function canOpenInbox(cookies: Awaited<ReturnType<typeof signedInCookies>>["cookies"]): Promise<boolean> {
    const context = await newContext(browser);
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto("/alerts");
    const inside = new URL(page.url()).pathname === "/alerts";
    await context.close();
    return inside;
  }

  it("refuses a copied session cookie after its owner signs out", async () => {
    const { context, page, cookies } = await signedInCookies("viewer");
    expect(await canOpenInbox(cookies)).toBe(true);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(await canOpenInbox(cookies)).toBe(false);
    await context.close();
  });

  it("ends the user's other sessions with 'Sign out everywhere'", async () => {
    const first = await signedInCookies("vetting");
    const second = await signedInCookies("vetting");
    await second.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await second.page.waitForURL((url) => url.pathname === "/login");
    expect(await canOpenInbox(first.cookies)).toBe(false);
    expect(await canOpenInbox(second.cookies)).toBe(false);
    await first.context.close();
    await second.context.close();
  });
});
