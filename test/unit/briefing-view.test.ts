import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BriefingSlide, BriefingView } from "@/components/briefings/briefing-view";
import type { BriefingSnapshot } from "@/lib/briefings/snapshot";

// The shared renderer, on the server: what a reader, a printer and a presenter get from a snapshot
// (charts are left to the e2e journey: they need a browser).

const snapshot: BriefingSnapshot = {
  title: "Electoral Commission breach",
  tlp: "GREEN",
  organisation: "Progressive Reform Party",
  audience: "Defending Democracy Taskforce",
  publishedAt: "2026-03-25T10:00:00.000Z",
  publishedBy: "Marcus Oyelaran",
  version: 2,
  sections: [
    {
      kind: "case-summary", title: "The case", caseTitle: "Electoral Commission breach", summary: "Registers **exposed**.",
      status: "CONTAINED", severity: "HIGH", tlp: "GREEN", owner: "Marcus Oyelaran", openedAt: "2022-10-01T00:00:00.000Z",
      facts: ["Dwell time: about 14 months"],
    },
    {
      kind: "case-timeline", title: "What happened", caseTitle: "Electoral Commission breach", from: null, to: null,
      events: [
        { occurredAt: "2022-10-01T00:00:00.000Z", precision: "MONTH", title: "Breach detected", detail: "", source: "ICO", confidence: "ALMOST_CERTAIN", tags: [], key: true, tlp: "CLEAR" },
        { occurredAt: "2021-08-24T00:00:00.000Z", precision: "DAY", title: "First access", detail: "ProxyShell", source: "ICO", confidence: null, tags: [], key: false, tlp: "GREEN" },
      ],
    },
    { kind: "text", title: "Assessment", markdown: "Patch now.<script>alert(1)</script> [x](javascript:alert(1))" },
    {
      kind: "alert-list", title: "Open alerts", viewName: "High and above",
      alerts: [{ title: "Exchange exposed", kind: "INCIDENT", severity: "CRITICAL", status: "NEW", tlp: "GREEN", createdAt: "2026-03-20T09:00:00.000Z" }],
    },
  ],
};

describe("BriefingView", () => {
  const html = renderToStaticMarkup(createElement(BriefingView, { snapshot }));

  it("leads with the TLP marking, the title, organisation → audience and who published it", () => {
    expect(html.indexOf("TLP:GREEN")).toBeLessThan(html.indexOf("<h1"));
    expect(html).toContain('data-print-tlp="green"');
    expect(html).toContain("Progressive Reform Party → Defending Democracy Taskforce");
    expect(html).toContain("Version 2 · published by Marcus Oyelaran");
  });

  it("lists timeline events oldest first, dated no more precisely than known", () => {
    expect(html.indexOf("First access")).toBeLessThan(html.indexOf("Breach detected"));
    expect(html).toContain("24 Aug 2021");
    expect(html).toContain("Oct 2022");
    expect(html).toContain("Key event: </span>Breach detected");
  });

  it("renders Markdown safely and the other sections' content", () => {
    expect(html).toContain("<strong>exposed</strong>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Dwell time: about 14 months");
    expect(html).toContain("Exchange exposed");
  });
});

describe("BriefingSlide", () => {
  it("shows the cover as slide 0 and one section per slide, each under the TLP banner", () => {
    const cover = renderToStaticMarkup(createElement(BriefingSlide, { snapshot, index: 0 }));
    expect(cover).toContain("TLP:GREEN");
    expect(cover).toContain("<h2");
    expect(cover).toContain("Electoral Commission breach");
    const second = renderToStaticMarkup(createElement(BriefingSlide, { snapshot, index: 2 }));
    expect(second).toContain("TLP:GREEN");
    expect(second).toContain("What happened");
    expect(second).not.toContain("The case");
  });
});
