"use client";
// Last resort when the root layout itself fails: a self-contained page (the
// root layout and its styles are not available here). See app/error.tsx.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "20vh 1.5rem", color: "#0f172a" }}>
        <h1>Temporarily unavailable</h1>
        <p style={{ color: "#475569" }}>The console could not complete the request. Nothing you saved is lost; try again in a few seconds.</p>
        <p>
          {/* biome-ignore lint/a11y/useValidAnchor: an empty href reloads this page, without script (this page runs when the app's own failed) */}
          <a href="">Try again</a>
        </p>
        {error.digest && <p style={{ color: "#94a3b8", fontSize: 12 }}>Reference {error.digest}</p>}
      </body>
    </html>
  );
}
