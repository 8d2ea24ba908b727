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

// Without JavaScript a page that outlasts its loading.tsx skeleton arrives
// as hidden markup at the end of the body (React swaps it in with a script):
// until a script has marked <html data-js>, show that markup and hide the
// skeleton, so the console still reads without scripts (as its sign-in and
// set-up forms work without them). A <noscript> style would not do: browsers
// that block scripts by policy still parse <noscript> as text.
const NO_SCRIPT_STREAMING_CSS =
  'html:not([data-js]) template[id^="B:"]+*{display:none!important}html:not([data-js]) div[hidden][id^="S:"]{display:block!important;max-width:72rem;margin:0 auto;padding:0 1.5rem 2rem}html:not([data-js]) .min-h-screen{min-height:0!important}';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is rendered on the server (no flash before a script runs).
  const theme = themeAttribute(parseTheme((await cookies()).get(THEME_COOKIE)?.value));
  // Set per request by proxy.ts; absent on prerendered pages, which run no script.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" data-theme={theme} suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <head>
        <style>{NO_SCRIPT_STREAMING_CSS}</style>
        {nonce && <script nonce={nonce}>{"document.documentElement.dataset.js=1"}</script>}
      </head>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
