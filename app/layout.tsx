import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
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
// show it there and hide the skeleton, so the console still reads without
// scripts (as its sign-in and set-up forms work without them).
const NO_SCRIPT_STREAMING_CSS =
  'template[id^="B:"]+*{display:none!important}div[hidden][id^="S:"]{display:block!important;max-width:72rem;margin:0 auto;padding:0 1.5rem 2rem}.min-h-screen{min-height:0!important}';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is rendered on the server (no flash before a script runs).
  const theme = themeAttribute(parseTheme((await cookies()).get(THEME_COOKIE)?.value));
  return (
    <html lang="en" data-theme={theme} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <head>
        <noscript>
          <style>{NO_SCRIPT_STREAMING_CSS}</style>
        </noscript>
      </head>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
