import { inflateSync } from "node:zlib";

// Just enough PDF reading to check what Chromium printed, without a PDF library: the number of
// pages, and the text drawn by each content stream, decoded through the fonts' ToUnicode maps.
// Chromium writes one Flate-compressed content stream per page and hex glyph strings (<0037…> Tj).

export interface PdfSummary {
  pages: number;
  /** Per content stream that draws text (one per page for Chromium's output): its text objects, each as its possible readings joined by NUL. */
  streamTexts: string[][];
}

function streams(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(raw))) {
    const from = m.index + m[0].length;
    const to = raw.indexOf("endstream", from);
    if (to < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(from, to)).toString("latin1"));
    } catch {
      // Not Flate (images, fonts with other filters): not text.
    }
    start.lastIndex = to;
  }
  return out;
}

type CMap = Map<number, string>;

function hexToString(hex: string): string {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function parseCMap(text: string): CMap {
  const map: CMap = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(src!, 16), hexToString(dst!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(dst!, 16);
      for (let g = parseInt(lo!, 16), i = 0; g <= parseInt(hi!, 16); g++, i++) map.set(g, String.fromCharCode(base + i));
    }
  }
  return map;
}

function decode(hex: string, cmap: CMap): string {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
  return s;
}

export function readPdf(pdf: Buffer): PdfSummary {
  const raw = pdf.toString("latin1");
  const pages = (raw.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const all = streams(pdf);
  const cmaps = all.filter((s) => s.includes("begincmap")).map(parseCMap);
  const streamTexts = all
    .filter((s) => /\bBT\b/.test(s) && !s.includes("begincmap"))
    .map((content) => {
      // One string per text object (BT … ET): letter-spaced text is drawn glyph by glyph.
      const blocks = [...content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)].map((b) =>
        [...b[1]!.matchAll(/<([0-9A-Fa-f]{4,})>/g)].map((h) => h[1]!).join(""),
      );
      // Each decoded with every font's map (the right font's reading is among them), the
      // readings of one text object kept together so that it counts once.
      return blocks.map((hex) => cmaps.map((cmap) => decode(hex, cmap)).join("\u0000"));
    });
  return { pages, streamTexts };
}

/** How many content streams (pages) draw `text` at least `times` times. */
export function pagesShowing(summary: PdfSummary, text: string, times = 1): number {
  return summary.streamTexts.filter((strings) => strings.filter((s) => s.includes(text)).length >= times).length;
}
