import { TLP_LABELS } from "@/lib/auth/tlp";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listReadLinks } from "@/lib/briefings/data/links";
import { isLinkShareableTlp } from "@/lib/briefings/link-schema";
import type { Tlp } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/format";
import { CreateReadLinkForm, RevokeReadLinkButton } from "./read-link-forms";

const STATUS_LABELS = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

export interface ReadLinksPanelProps {
  briefingId: string;
  /** TLP of the current published version, or null while the briefing is a draft. */
  publishedTlp: Tlp | null;
}

/**
 * Time-limited read links for outside readers (TLP:CLEAR/GREEN only). Mount on the briefing
 * page; shows nothing to people who may not write briefings. The data layer enforces the rules.
 */
export async function ReadLinksPanel({ briefingId, publishedTlp }: ReadLinksPanelProps) {
  const viewer = await requireViewer();
  if (!can(viewer, "briefing:write")) return null;
  const links = await listReadLinks(viewer, briefingId);
  return (
    <section className="card stack no-print" aria-labelledby="read-links-h">
      <h2 id="read-links-h">Read links</h2>
      <p className="muted">
        A read link lets someone outside Vigil read the published version for up to 30 days, without signing in. Every view is
        recorded in the audit trail.
      </p>
      {publishedTlp === null ? (
        <p>Publish the briefing to share it by link.</p>
      ) : isLinkShareableTlp(publishedTlp) ? (
        <CreateReadLinkForm briefingId={briefingId} />
      ) : (
        <p>
          Read links are only for TLP:CLEAR and TLP:GREEN briefings; the published version is {TLP_LABELS[publishedTlp]}.
        </p>
      )}
      {links.length > 0 ? (
        <table className="data-table">
          <caption className="sr-only">Read links</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last opened</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => {
              const label = `link created ${formatDateTime(link.createdAt)}`;
              return (
                <tr key={link.id}>
                  <td>{link.versionNumber ?? "—"}</td>
                  <td>{formatDateTime(link.createdAt)}{link.createdBy ? ` by ${link.createdBy}` : ""}</td>
                  <td>{formatDateTime(link.expiresAt)}</td>
                  <td>{link.lastUsedAt ? formatDateTime(link.lastUsedAt) : "Never"}</td>
                  <td>{STATUS_LABELS[link.status]}</td>
                  <td>{link.status === "active" ? <RevokeReadLinkButton briefingId={briefingId} linkId={link.id} label={label} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
