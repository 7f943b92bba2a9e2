import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEMO_BRIEFING_TITLE } from "@/lib/db/seed/briefing";
import { demoUser } from "@/lib/db/seed/demo-users";
import { launchBrowser, newContext, screenshot, signIn } from "./support/browser";
import { e2eContext } from "./support/context";
import { pagesShowing, readPdf } from "./support/pdf-text";

// The issue-5 journey: the lead looks at the Overview, builds a TLP:GREEN briefing for the task
// force from the seeded Electoral Commission case (timeline + chart + text), publishes it,
// presents it with the keyboard, prints it to PDF (A4, TLP marking in the header and footer of
// every page), shares it by read link and revokes the link; a task-force reviewer then reads it
// and the seeded briefing.
//
// The PDF is checked without a PDF library (test/e2e/support/pdf-text.ts): pages are counted from
// the /Type /Page objects, and the text each page draws is decoded through the fonts' ToUnicode
// maps, so the check sees the running header and footer that @page margin boxes print.

const { skipReason } = e2eContext();
const CASE_TITLE = "Electoral Commission breach";
const TASK_FORCE = "Defending Democracy Taskforce";
const TLP = "TLP:GREEN";
const title = `E2E briefing ${randomUUID().slice(0, 8)}`;
/** Long enough that the printed briefing runs to several A4 pages whatever the other sections hold. */
const TEXT = Array.from({ length: 14 }, (_, i) =>
  `## Assessment ${i + 1}\n\nThe ProxyShell chain that opened the Electoral Commission's Exchange server remains in use against ` +
  `unpatched on-premises servers. Party offices should confirm the Apr–May 2021 updates are installed and that no web shells remain.`,
).join("\n\n");

/** Adds a section of `kind` in the builder and returns its list item ("Section n: <kind label>"). */
async function addSection(page: Page, kind: string, label: string, n: number): Promise<Locator> {
  await page.getByLabel("Add a section").selectOption(kind);
  await page.getByRole("button", { name: "Add section", exact: true }).click();
  const item = page.getByRole("listitem", { name: `Section ${n}: ${label}` });
  await item.waitFor();
  return item;
}

async function addSections(page: Page): Promise<void> {
  const timeline = await addSection(page, "case-timeline", "Case timeline", 1);
  const caseValue = await timeline.locator("option", { hasText: CASE_TITLE }).first().getAttribute("value");
  await timeline.getByLabel("Case").selectOption(caseValue!);
  // A chart of alerts per day over the last 30 days (the builder's default range).
  const chart = await addSection(page, "chart", "Chart", 2);
  await chart.getByLabel("Chart").selectOption("alerts-per-day");
  const text = await addSection(page, "text", "Text (Markdown)", 3);
  await text.getByLabel("Heading", { exact: true }).fill("Assessment");
  await text.getByLabel("Text (Markdown)").fill(TEXT);
}

describe.skipIf(skipReason !== null)("briefings", () => {
  let browser: Browser;
  let leadContext: BrowserContext;
  let lead: Page;
  let briefingPath = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    leadContext = await newContext(browser);
    lead = await leadContext.newPage();
    const { email, password } = demoUser("lead");
    await signIn(lead, email, password);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the Overview dashboard to the lead", async () => {
    await lead.goto("/");
    await lead.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    // Panels stream in independently: wait for a chart and for every panel to finish loading.
    await lead.getByRole("figure").first().waitFor({ timeout: 30_000 });
    await expect.poll(() => lead.locator("[aria-busy=true]").count(), { timeout: 30_000 }).toBe(0);
    await screenshot(lead, "dashboard");
  });

  it("builds and publishes a briefing from the Electoral Commission case", async () => {
    await lead.goto("/briefings/new");
    const form = lead.getByRole("form", { name: "New briefing" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Audience").selectOption({ label: TASK_FORCE });
    await form.getByLabel("TLP").selectOption("GREEN");
    await form.getByRole("button", { name: "Create and add sections" }).click();
    await lead.waitForURL(/\/briefings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    briefingPath = new URL(lead.url()).pathname;

    await addSections(lead);
    await lead.getByRole("button", { name: "Save draft and refresh preview" }).click();
    // The publish form appears once the saved draft has sections (the builder re-mounts on save).
    await lead.getByRole("button", { name: "Publish version 1" }).click({ timeout: 30_000 });
    await lead.getByRole("dialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish", exact: true }).click();
    await lead.getByRole("cell", { name: "v1 (current)" }).waitFor({ timeout: 30_000 });
  });

  it("presents the published briefing with the keyboard, the TLP banner on every slide", async () => {
    await lead.goto(`${briefingPath}/present`);
    const deck = lead.getByRole("region", { name: new RegExp(`^${title}`) });
    await deck.waitFor();
    // The presenter clock shows the time of day once the deck is hydrated and listening for keys.
    await deck.getByText("--:--").waitFor({ state: "detached", timeout: 30_000 });
    const counter = lead.getByTestId("slide-counter");
    // Cover + three sections.
    await expect.poll(() => counter.innerText()).toMatch(/^\s*(Slide\s*)?1 \/ 4\s*$/);
    const slide = lead.getByRole("group", { name: /of 4$/ });
    expect(await slide.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => slide.getByRole("heading", { level: 2 }).first().innerText()).toBe(title);

    await lead.keyboard.press("ArrowRight");
    await expect.poll(() => counter.innerText()).toMatch(/2 \/ 4/);
    expect(await slide.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
    await lead.locator("[aria-live=polite]").filter({ hasText: /^Slide 2 of 4/ }).waitFor({ state: "attached" });
    await screenshot(lead, "briefing-slide-1");

    await lead.keyboard.press("ArrowRight");
    await expect.poll(() => counter.innerText()).toMatch(/3 \/ 4/);
    expect(await slide.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
    await screenshot(lead, "briefing-slide-2");

    await lead.keyboard.press("End");
    await expect.poll(() => counter.innerText()).toMatch(/4 \/ 4/);
    await lead.keyboard.press("Home");
    await expect.poll(() => counter.innerText()).toMatch(/1 \/ 4/);
    // Esc outside full screen goes back to the briefing.
    await lead.keyboard.press("Escape");
    await lead.waitForURL((url) => url.pathname === briefingPath, { timeout: 30_000 });
  });

  it("prints the read view to an A4 PDF with the TLP marking on every page", async () => {
    await lead.goto(`${briefingPath}/read`);
    const article = lead.getByRole("article", { name: title });
    await article.waitFor();
    await lead.emulateMedia({ media: "print" });
    // The print stylesheet hides the app's navigation and shows the briefing.
    expect(await lead.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await article.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
    const pdf = await lead.pdf({ format: "A4", printBackground: true });
    await lead.emulateMedia({ media: "screen" });

    const summary = readPdf(pdf);
    expect(summary.pages).toBeGreaterThanOrEqual(2);
    // Header and footer: the marking twice on every page.
    expect(pagesShowing(summary, TLP, 2)).toBe(summary.pages);
    expect(pagesShowing(summary, "TLP:AMBER")).toBe(0);
  });

  it("shares the briefing by a read link that stops working once revoked", async () => {
    await lead.goto(briefingPath);
    const panel = lead.getByRole("region", { name: "Read links" });
    await panel.getByLabel("Expires after (days)").fill("3");
    await panel.getByRole("button", { name: "Create read link" }).click();
    const url = await panel.getByLabel("New read link").inputValue();
    expect(url).toMatch(/\/b\/[A-Za-z0-9_-]{43}$/);

    const outside = await newContext(browser);
    try {
      const reader = await outside.newPage();
      await reader.goto(new URL(url).pathname);
      await reader.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await reader.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
      expect(await reader.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);

      lead.once("dialog", (dialog) => void dialog.accept());
      await panel.getByRole("button", { name: /^Revoke/ }).first().click();
      await panel.getByRole("cell", { name: "Revoked" }).waitFor({ timeout: 30_000 });

      const response = await reader.goto(new URL(url).pathname);
      expect(response?.status()).toBe(404);
      await reader.getByRole("heading", { name: "This link has expired or been revoked" }).waitFor();
      expect(await reader.getByText(title).count()).toBe(0);
    } finally {
      await outside.close();
    }
  });

  it("lets a task-force reviewer read the briefings addressed to the task force", async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const { email, password } = demoUser("reviewer");
      await signIn(page, email, password);
      for (const name of [DEMO_BRIEFING_TITLE, title]) {
        await page.goto("/briefings");
        // The list links a briefing of another organisation to its read page.
        await page.getByRole("link", { name }).first().click();
        await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 30_000 });
        expect(await page.getByText(TLP, { exact: true }).first().isVisible()).toBe(true);
      }
      await screenshot(page, "briefing-reviewer");
    } finally {
      await context.close();
    }
  });
});
