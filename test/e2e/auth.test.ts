import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, screenshot, signIn, submitSignIn } from "./support/browser";
import { e2eContext } from "./support/context";

const { skipReason } = e2eContext();

describe.skipIf(skipReason !== null)("signing in", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    cspViolations = [];
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  afterEach(async () => {
    await context?.close();
  });

  it("sends a signed-out visitor from /alerts to the sign-in page", async () => {
    await page.goto("/alerts");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "login");
    expect(cspViolations).toEqual([]);
  });

  it("says clearly when the password is wrong, and stays on the sign-in page", async () => {
    await page.goto("/login");
    await submitSignIn(page, demoUser("viewer").email, "not-the-password");
    // Not just any role="alert": Next's route announcer is one too (and empty).
    const alert = page.getByRole("alert").filter({ hasText: /incorrect/i });
    await alert.waitFor({ state: "visible", timeout: 30_000 });
    const message = (await alert.textContent())?.trim();
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "login-wrong-password");

    // An address without an account gets the very same message.
    await submitSignIn(page, "nobody@vigil.demo", "not-the-password");
    await page.getByRole("alert").filter({ hasText: /incorrect/i }).waitFor({ state: "visible", timeout: 30_000 });
    expect((await page.getByRole("alert").filter({ hasText: /incorrect/i }).textContent())?.trim()).toBe(message);
  });

  it("signs the analyst in to the app shell", async () => {
    const analyst = demoUser("analyst");
    await page.goto("/login");
    await signIn(page, analyst.email, analyst.password);
    const nav = page.getByRole("navigation").first();
    await nav.waitFor({ state: "visible" });
    expect(await nav.textContent()).toContain("Alerts");
    expect(await page.content()).toContain(analyst.name);
    await screenshot(page, "shell-analyst");
    expect(cspViolations).toEqual([]);
  });

  it("serves signed-in pages with the security headers and a fresh CSP nonce", async () => {
    const analyst = demoUser("analyst");
    await signIn(page, analyst.email, analyst.password);

    const response = await page.goto("/alerts");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/alerts");
    const headers = response!.headers();

    const csp = headers["content-security-policy"] ?? "";
    const nonce = csp.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce, `CSP without a nonce: ${csp}`).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["cache-control"]).toContain("no-store");
    expect(headers["x-powered-by"]).toBeUndefined();

    // Every script tag the server sends carries this response's nonce. (Chunks that Next's
    // runtime adds later have none: 'strict-dynamic' trusts them, and the browser reports any
    // blocked script as a CSP violation, checked below.)
    const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

    const again = await page.goto("/alerts");
    const nextNonce = again?.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
    expect(nextNonce).toBeTruthy();
    expect(nextNonce).not.toBe(nonce);
    expect(cspViolations).toEqual([]);
  });
});
