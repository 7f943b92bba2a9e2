import type { ElementContent, Element, Root, RootContent } from "hast";
import Markdown, { type Components } from "react-markdown";
import { splitMentions } from "@/lib/notes/mentions";
import styles from "./safe-markdown.module.css";
import { safeUrl } from "./safe-url";

// User-written Markdown rendered to React elements — never to an HTML string:
// - raw HTML in the source is shown as text (react-markdown turns it into text nodes; no
//   rehype-raw, no dangerouslySetInnerHTML);
// - links only to absolute http:, https: and mailto: URLs; any other link is plain text;
// - no images: an image becomes a link to it (when its URL is safe) or its alt text;
// - @mentions of known handles are highlighted with the person's name.

export interface SafeMarkdownProps {
  source: string;
  /** Handle → display name; "@handle" for a handle listed here renders as a highlighted mention. */
  people?: Readonly<Record<string, string>>;
  className?: string;
}

const SKIP_MENTIONS_IN = new Set(["code", "pre", "a"]);

/** A rehype plugin: wraps "@handle" of known handles in <mark data-handle>, outside code and links. */
function rehypeMentions(people: Readonly<Record<string, string>>) {
  const known = (handle: string) => Object.hasOwn(people, handle);
  const walk = (node: Root | Element) => {
    const next: (RootContent | ElementContent)[] = [];
    for (const child of node.children) {
      if (child.type === "text") {
        for (const part of splitMentions(child.value, known)) {
          next.push(typeof part === "string"
            ? { type: "text", value: part }
            : { type: "element", tagName: "mark", properties: { dataHandle: part.handle }, children: [{ type: "text", value: part.raw }] });
        }
        continue;
      }
      if (child.type === "element" && !SKIP_MENTIONS_IN.has(child.tagName)) walk(child);
      next.push(child);
    }
    node.children = next as typeof node.children;
  };
  return () => (tree: Root) => walk(tree);
}

function components(people: Readonly<Record<string, string>>): Components {
  return {
    a: ({ href, children }) => {
      const url = href ? safeUrl(href) : null;
      return url ? <a href={url} rel="noopener noreferrer">{children}</a> : <span>{children}</span>;
    },
    img: ({ src, alt }) => {
      const url = typeof src === "string" ? safeUrl(src) : null;
      const label = alt ? `Image: ${alt}` : "Image";
      return url ? <a href={url} rel="noopener noreferrer">{label}</a> : <span>{label}</span>;
    },
    mark: ({ node, children }) => {
      const handle = node?.properties?.dataHandle;
      if (typeof handle !== "string" || !Object.hasOwn(people, handle)) return <>{children}</>;
      return <mark className={styles.mention} title={`@${handle}`}>@{people[handle]}</mark>;
    },
    // Notes sit under the page's own headings.
    h1: ({ children }) => <h3>{children}</h3>,
    h2: ({ children }) => <h3>{children}</h3>,
    h3: ({ children }) => <h4>{children}</h4>,
    h4: ({ children }) => <h4>{children}</h4>,
    h5: ({ children }) => <h4>{children}</h4>,
    h6: ({ children }) => <h4>{children}</h4>,
  };
}

/** Links that are not safe get an empty URL here, and the `a`/`img` components render them as text. */
function urlTransform(url: string): string {
  return safeUrl(url) ?? "";
}

const NO_PEOPLE: Readonly<Record<string, string>> = {};

export function SafeMarkdown({ source, people = NO_PEOPLE, className }: SafeMarkdownProps) {
  return (
    <div className={[styles.markdown, className].filter(Boolean).join(" ")}>
      <Markdown skipHtml={false} urlTransform={urlTransform} rehypePlugins={[rehypeMentions(people)]} components={components(people)}>
        {source}
      </Markdown>
    </div>
  );
}
