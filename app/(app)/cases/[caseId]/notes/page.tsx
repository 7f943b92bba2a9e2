import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import { TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { NotFoundError } from "@/lib/http/errors";
import { listNotes, type NoteList } from "@/lib/notes/data";
import { NoteForm } from "./note-form";
import { NoteItem } from "./note-item";

export const metadata: Metadata = { title: "Notes" };

type Params = Promise<{ caseId: string }>;

const SHAREABLE_TLPS = new Set(["CLEAR", "GREEN", "AMBER"]);

export default async function CaseNotesPage({ params }: { params: Params }) {
  const { caseId } = await params;
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(caseId).success) notFound();
  let list: NoteList;
  try {
    list = await listNotes(viewer, caseId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { notes, canWrite, allowedTlps, people } = list;

  return (
    <div className="stack">
      {canWrite ? (
        <section className="card stack" aria-labelledby="compose-h">
          <h2 id="compose-h">Add a note</h2>
          <NoteForm caseId={caseId} allowedTlps={allowedTlps} people={people} />
        </section>
      ) : null}
      <section className="stack" aria-labelledby="notes-h">
        <h2 id="notes-h">Notes <span className="muted">({notes.length})</span></h2>
        {notes.length === 0 ? <EmptyState title="No notes you can see yet" /> : null}
        {notes.map((n) => (
          <NoteItem
            key={`${n.id}-${n.version}`}
            caseId={caseId}
            note={n}
            allowedTlps={allowedTlps}
            people={people}
            header={
              <>
                <strong>{n.author.name}</strong>
                <time className="muted" dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                {n.version > 1 ? <span className="muted">(edited {formatDateTime(n.updatedAt)})</span> : null}
                <TlpBadge tlp={n.tlp} />
                {n.shareable && SHAREABLE_TLPS.has(n.tlp) ? <span className="badge">Shared with task force</span> : null}
              </>
            }
          >
            <SafeMarkdown source={n.body} people={people} />
          </NoteItem>
        ))}
      </section>
    </div>
  );
}
