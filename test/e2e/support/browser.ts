import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { e2eContext } from "./context";

export const SCREENSHOT_DIR = path.join(process.cwd(), "test-results", "screenshots");

// Debian's Chromium on a closed network: without the background-networking flags it keeps
// trying to reach Google services.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchBrowser(): Promise<Browser> {
  const { chromiumPath } = e2eContext();
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** A fresh browser context (its own cookies) whose relative URLs resolve against the server. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: e2eContext().baseURL, viewport: { width: 1280, height: 800 } });
}

/** Fills and submits the sign-in form on the current page (it must be /login). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in from /login and waits until the app has navigated away from it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), e2eContext().baseURL).pathname.startsWith("/login")) await page.goto("/login");
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
