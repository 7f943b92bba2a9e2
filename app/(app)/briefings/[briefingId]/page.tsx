import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { requireViewer } from "@/lib/auth/viewer";
import { getBriefingDraft } from "@/lib/briefings/data/drafts";
import { getBuilderOptions, previewBriefing } from "@/lib/briefings/data/sources";
import { compareVersions, listBriefingVersions } from "@/lib/briefings/data/versions";
import { formatDateTime } from "@/lib/format";
import { NotFoundError } from "@/lib/http/errors";
import { BriefingView } from "@/components/briefings/briefing-view";
import { TlpBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { BriefingBuilder } from "./builder";
import { PublishForm } from "./publish-form";
import { ReadLinksPanel } from "./read-links-panel";

export const metadata: Metadata = { title: "Briefing" };

type Params = Promise<{ briefingId: string }>;
type Search = Promise<{ compare?: string }>;

// The builder (own organisation; writers edit, others of the organisation read the versions),
// the live preview of the saved draft with the count of what was left out, and the versions.
export default async function BriefingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const viewer = await requireViewer();
  const { briefingId } = await params;
  const { compare } = await searchParams;
  let draft;
  try {
    draft = await getBriefingDraft(viewer, briefingId);
  } catch (error) {
    // Not a briefing of the viewer's organisation: an audience reader following a link lands on
    // the read view, which makes its own check (not found for everyone else).
    if (error instanceof NotFoundError) redirect(`/briefings/${encodeURIComponent(briefingId)}/read`);
    throw error;
  }
  const writer = can(viewer, "briefing:write");
  const [versions, options, preview] = await Promise.all([
    listBriefingVersions(viewer, draft.id),
    writer ? getBuilderOptions(viewer) : null,
    writer ? previewBriefing(viewer, draft.id) : null,
  ]);
  const compareWith = Number(compare);
  const diff = Number.isInteger(compareWith) && versions.some((v) => v.number === compareWith) && compareWith > 1
    ? await compareVersions(viewer, draft.id, compareWith - 1, compareWith)
    : null;
  const latest = versions[0];

  return (
    <div className="page">
      <p><Link href="/briefings">← Briefings</Link></p>
      <PageHeader
        title={draft.title}
        description={<><TlpBadge tlp={draft.tlp} /> {draft.audience ? `For ${draft.audience}` : "Internal"} · {draft.status === "PUBLISHED" ? `Published, version ${latest?.number ?? 1}` : "Draft"}</>}
        actions={latest ? (
          <>
            <Link className="btn" href={`/briefings/${draft.id}/read?version=${latest.number}`}>Read</Link>
            <Link className="btn" href={`/briefings/${draft.id}/present`}>Present</Link>
          </>
        ) : null}
      />

      {writer && options ? <BriefingBuilder key={draft.version} draft={draft} options={options} /> : null}

      {preview ? (
        <section className="stack" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p className="muted" role="status">
            {preview.omitted > 0
              ? `${preview.omitted} item${preview.omitted === 1 ? "" : "s"} left out (above ${TLP_LABELS[draft.tlp]}). Readers do not see this count.`
              : `Nothing left out: everything is at or below ${TLP_LABELS[draft.tlp]}.`}
          </p>
          {preview.warnings.length ? (
            <ul className="notice notice-error">{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          ) : null}
          {draft.sections.length ? (
            <PublishForm id={draft.id} version={draft.version} audience={draft.audience} nextNumber={(latest?.number ?? 0) + 1} />
          ) : null}
          <div className="card">
            <BriefingView snapshot={preview.snapshot} headingLevel={2} />
          </div>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.length === 0 ? <p className="muted">Not published yet.</p> : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr><th scope="col">Version</th><th scope="col">TLP</th><th scope="col">Published</th><th scope="col">Left out</th><th scope="col">Actions</th></tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.number}>
                    <td>v{v.number}{v.supersededAt ? " (superseded)" : " (current)"}</td>
                    <td><TlpBadge tlp={v.tlp} /></td>
                    <td>{formatDateTime(v.publishedAt)} by {v.publishedBy}</td>
                    <td>{v.omitted ?? "—"}</td>
                    <td className="row">
                      <Link href={`/briefings/${draft.id}/read?version=${v.number}`}>Read</Link>
                      {v.number > 1 ? <Link href={`/briefings/${draft.id}?compare=${v.number}#compare-heading`}>Compare with previous</Link> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {diff ? (
          <div className="card stack">
            <h3 id="compare-heading">Version {diff.a} → version {diff.b}</h3>
            <p>{diff.summary}</p>
            {diff.header.length ? <ul>{diff.header.map((h) => <li key={h}>{h}</li>)}</ul> : null}
            <ul>
              {diff.sections.filter((s) => s.status !== "unchanged").map((s, i) => (
                <li key={i}>
                  <strong>{s.status === "added" ? "Added" : s.status === "removed" ? "Removed" : "Changed"}:</strong> {s.title}
                  {s.details.length ? <ul>{s.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <ReadLinksPanel briefingId={draft.id} publishedTlp={latest?.tlp ?? null} />
    </div>
  );
}
