import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import { safeUrl } from "@/components/markdown/safe-url";
import { extractMentionHandles, mentionDirectory, mentionHandle } from "@/lib/notes/mentions";

const render = (source: string, people?: Record<string, string>) => renderToStaticMarkup(createElement(SafeMarkdown, { source, people }));

const XSS_CORPUS: string[] = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<iframe src=\"javascript:alert(1)\"></iframe>",
  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
  "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a>",
  "<div onmouseover=\"alert(1)\">hover</div>",
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<object data=\"javascript:alert(1)\"></object>",
  "<embed src=\"javascript:alert(1)\">",
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<!-- <script>alert(1)</script> -->",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click]( javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](%6Aavascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](DATA:text/html,<script>alert(1)</script>)",
  "[click](vbscript:msgbox(1))",
  "[click](VBScript:msgbox(1))",
  "[click](file:///etc/passwd)",
  "[click](<javascript:alert(1)>)",
  "<javascript:alert(1)>",
  "<JAVASCRIPT:alert(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "[ref][x]\n\n[x]: javascript:alert(1)",
  "[ref][y]\n\n[y]: JaVaScRiPt:alert(1) \"title\"",
  "![x](javascript:alert(1))",
  "![x](x \"onerror=alert(1)\")",
  "![pixel](https://tracker.example/p.gif)",
  "[x](https://example.org \"\\\" onmouseover=\\\"alert(1)\")",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "> <img src=x onerror=alert(1)>",
  "- <svg/onload=alert(1)>",
  "**<iframe src=javascript:alert(1)>**",
  "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
];

function assertInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<svg/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<(object|embed|style|math|details|body)\b/i);
  // No event-handler attribute on any element (text content may mention them, escaped).
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  for (const m of html.matchAll(/\s(href|src|action|formaction|srcdoc)="([^"]*)"/gi)) {
    expect(m[1]!.toLowerCase()).toBe("href");
    expect(m[2]).toMatch(/^(https?:|mailto:)/);
  }
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
}

describe("SafeMarkdown: XSS corpus", () => {
  it.each(XSS_CORPUS)("renders %j inert", (payload) => {
    assertInert(render(payload));
  });

  it("renders the whole corpus inert in one document", () => {
    assertInert(render(XSS_CORPUS.join("\n\n")));
  });

  it("shows raw HTML as text", () => {
    const html = render("before <script>alert(1)</script> after");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("renders unsafe links as plain text, keeping their words", () => {
    const html = render("[click me](javascript:alert(1))");
    expect(html).toContain("click me");
    expect(html).not.toContain("<a");
  });

  it("turns images into links (never <img>), and unsafe images into their alt text", () => {
    expect(render("![chart](https://example.org/c.png)")).toBe(
      '<div class="markdown"><p><a href="https://example.org/c.png" rel="noopener noreferrer">Image: chart</a></p></div>'.replace(
        'class="markdown"',
        render("x").match(/class="([^"]*)"/)![0],
      ),
    );
    expect(render("![chart](javascript:alert(1))")).not.toContain("<a");
  });
});

describe("SafeMarkdown: ordinary Markdown", () => {
  it("renders emphasis, lists, code and headings", () => {
    const html = render("# Title\n\n*em* and **strong**\n\n- one\n- two\n\n1. first\n\n`inline`\n\n```\nblock <b>\n```\n\n> quoted");
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain("<em>em</em>");
    expect(html).toContain("<strong>strong</strong>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain("<ol>");
    expect(html).toContain("<code>inline</code>");
    expect(html).toContain("block &lt;b&gt;");
    expect(html).toContain("<blockquote>");
  });

  it("renders safe links with rel=noopener noreferrer", () => {
    expect(render("[NCSC](https://www.ncsc.gov.uk/guidance)")).toContain(
      '<a href="https://www.ncsc.gov.uk/guidance" rel="noopener noreferrer">NCSC</a>',
    );
    expect(render("[mail](mailto:soc@party.example)")).toContain('<a href="mailto:soc@party.example" rel="noopener noreferrer">mail</a>');
    expect(render("<https://example.org/a>")).toContain('href="https://example.org/a"');
    expect(render("[r][n]\n\n[n]: http://example.org/ref")).toContain('href="http://example.org/ref"');
  });
});

describe("mentions", () => {
  it("highlights known handles with the person's name, outside code and links", () => {
    const html = render("Over to @analyst, cc @Nobody and `@analyst` and mail analyst@party.example", { analyst: "Ana Lyst" });
    expect(html).toMatch(/<mark[^>]*title="@analyst"[^>]*>@Ana Lyst<\/mark>/);
    expect(html.match(/<mark/g)).toHaveLength(1);
    expect(html).toContain("@Nobody");
    expect(html).toContain("<code>@analyst</code>");
  });

  it("escapes names", () => {
    const html = render("@x", { x: "<img src=x onerror=alert(1)>" });
    assertInert(html);
  });

  it("extracts handles from prose only, lower-cased and unique", () => {
    expect(extractMentionHandles("@Ana and @ana, @bob.smith. `@code` mail x@y.org\n```\n@fenced\n```\n@jo-1")).toEqual(["ana", "bob.smith", "jo-1"]);
  });

  it("leaves ambiguous handles out of the directory", () => {
    const dir = mentionDirectory([{ email: "ana@a.example" }, { email: "ANA@b.example" }, { email: "bob@a.example" }]);
    expect([...dir.keys()]).toEqual(["bob"]);
    expect(mentionHandle("Bob.Smith@x.org")).toBe("bob.smith");
  });
});

describe("safeUrl", () => {
  it("accepts http, https and mailto only", () => {
    expect(safeUrl("https://example.org")).toBe("https://example.org/");
    expect(safeUrl("mailto:a@b.example")).toBe("mailto:a@b.example");
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:x", "java\nscript:x", "data:text/html,x", "vbscript:x", "/relative", "//evil.example", "ftp://x"]) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});
