import type { Metadata } from "next";
import Link from "next/link";
import { BrandMark } from "@/components/shell/brand-mark";

export const metadata: Metadata = { title: "Not found" };

// Also shown for records the viewer may not see: "not found" never confirms that something exists.
// No <main> here: inside the signed-in shell this renders within the shell's own <main>.
export default function NotFound() {
  return (
    <div className="centered-page not-found">
      <div className="card centered-card">
        <p className="centered-brand">
          <BrandMark size={20} /> Vigil
        </p>
        <h1>Page not found</h1>
        <p className="muted">
          The page does not exist, has moved, or is not available to your account.
        </p>
        <p>
          <Link href="/" className="btn btn-primary">
            Back to Overview
          </Link>
        </p>
      </div>
    </div>
  );
}
