import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { SeverityBadge, TlpBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { CaseStatusBadge } from "../case-status-badge";
import { CaseLive } from "./case-live";
import { CaseTabs } from "./case-tabs";
import { loadCase } from "./load-case";

type Params = Promise<{ caseId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const detail = await loadCase((await params).caseId);
  return { title: { template: `%s · ${detail.title}`, default: detail.title } };
}

export default async function CaseLayout({ params, children }: { params: Params; children: ReactNode }) {
  const detail = await loadCase((await params).caseId);
  return (
    <div className="page">
      <p><Link href="/cases">← Cases</Link></p>
      <PageHeader
        title={detail.title}
        description={
          <span className="row">
            <SeverityBadge severity={detail.severity} />
            <CaseStatusBadge status={detail.status} />
            <TlpBadge tlp={detail.tlp} />
            {detail.sharedBy ? <span className="muted">Shared read-only by {detail.sharedBy}</span> : null}
          </span>
        }
      />
      <CaseLive caseId={detail.id} />
      <CaseTabs caseId={detail.id} sharedReader={!detail.ownOrganisation} />
      {children}
    </div>
  );
}
