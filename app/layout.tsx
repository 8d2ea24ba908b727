import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { THEME_COOKIE, parseTheme, themeAttribute } from "@/components/theme/theme";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cluster Console", template: "%s · Cluster Console" },
  description: "Manage the API clients of your Zeebe clusters.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0f19" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is rendered on the server (no flash before a script runs).
  const theme = themeAttribute(parseTheme((await cookies()).get(THEME_COOKIE)?.value));
  // Set per request by proxy.ts; absent on prerendered pages, which run no script.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" data-theme={theme} suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <head>
        {/* Marks that scripts run; see the no-script rules in globals.css. */}
        {nonce && <script nonce={nonce}>{"document.documentElement.dataset.js=1"}</script>}
      </head>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
