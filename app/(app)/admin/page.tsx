import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TOKEN_CAPABILITIES, can } from "@/lib/auth/permissions";
import { tlpsUpTo } from "@/lib/auth/tlp";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { listApiTokens, type ApiTokenRow, type ApiTokenStatus } from "@/lib/tokens/data";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata: Metadata = { title: "Admin" };

// Token states borrow the alert-status badge colours: green for usable, muted for unusable.
const STATUS_BADGE: Record<ApiTokenStatus, { className: string; label: string }> = {
  active: { className: "status-triaged", label: "Active" },
  expired: { className: "status-merged", label: "Expired" },
  revoked: { className: "status-dismissed", label: "Revoked" },
};

function When({ value, empty }: { value: Date | null; empty: string }) {
  return value ? <time dateTime={value.toISOString()}>{formatDateTime(value)}</time> : <span className="muted">{empty}</span>;
}

function TokenTable({ tokens }: { tokens: ApiTokenRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="API tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Capabilities</th>
            <th scope="col">Clearance</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td className="nowrap"><code>vgl_{token.prefix}…</code></td>
              <td>{token.capabilities.map((c) => <code key={c} className="chip">{c}</code>)}</td>
              <td><TlpBadge tlp={token.clearance} /></td>
              <td className="nowrap"><When value={token.createdAt} empty="" /></td>
              <td className="nowrap"><When value={token.lastUsedAt} empty="Never" /></td>
              <td className="nowrap">{token.revokedAt ? <When value={token.revokedAt} empty="" /> : <When value={token.expiresAt} empty="Never" />}</td>
              <td><span className={`badge status ${STATUS_BADGE[token.status].className}`}>{STATUS_BADGE[token.status].label}</span></td>
              <td>{token.status === "active" ? <RevokeTokenButton tokenId={token.id} name={token.name} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AdminPage() {
  const viewer = await requireViewer();
  // Not found rather than forbidden: the page does not exist for roles without the capability.
  if (!can(viewer, "admin:users")) notFound();
  const tokens = await listApiTokens(viewer);

  return (
    <div className="page">
      <PageHeader title="Admin" description="API tokens let other programs send alerts to Vigil and read them." />
      <section className="card stack" aria-labelledby="tokens-h">
        <h2 id="tokens-h">API tokens</h2>
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">
            <p>Create one below for each program that sends alerts, so each can be revoked on its own.</p>
          </EmptyState>
        ) : (
          <TokenTable tokens={tokens} />
        )}
        <p className="muted">
          Programs send alerts with <code>POST /api/v1/alerts</code> and the header <code>Authorization: Bearer vgl_…</code>.
          A revoked or expired token is refused at once.
        </p>
      </section>
      <CreateTokenForm capabilities={TOKEN_CAPABILITIES} clearances={tlpsUpTo(viewer.clearance)} />
    </div>
  );
}
