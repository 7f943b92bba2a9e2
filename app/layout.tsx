import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { THEME_COOKIE, parseTheme } from "@/components/shell/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Vigil", default: "Vigil" },
  description: "Foreign-interference threat monitoring for political parties.",
  applicationName: "Vigil",
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }] },
  // Signed-in tool: nothing here belongs in a search index.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read on the server so the first paint already has the chosen theme: no inline script, no flash.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en-GB" data-theme={theme}>
      <body>{children}</body>
    </html>
  );
}
