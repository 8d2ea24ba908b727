"use client";
// Credentials in three formats, previewed and downloaded straight from the
// browser's memory (Blob + <a download>): no request is made, so no server
// endpoint can ever hand the secret out again.
import { useState } from "react";
import { Tabs } from "radix-ui";
import {
  CREDENTIALS_FORMATS,
  credentialsFile,
  type CredentialsFormat,
  type CredentialsInput,
} from "@/lib/api-clients/credentials-file";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export function saveFile(fileName: string, content: string, mime: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file as the show-once dialogs offer it: name, content, type. */
export interface CredentialsFileView {
  fileName: string;
  content: string;
  mime: string;
}

/**
 * The format tabs and the Download button, always in view; the file's
 * preview (and whatever `more` holds: connection snippets, a curl example)
 * sits behind a disclosure so the show-once dialog stays short. One layout
 * for every show-once dialog of credentials.
 */
export function CredentialsFiles<F extends string>({
  formats,
  fileFor,
  summary,
  more,
}: {
  formats: readonly { format: F; label: string; description: string }[];
  fileFor: (format: F) => CredentialsFileView;
  /** The disclosure's label: "File preview and connection snippets". */
  summary: string;
  more?: React.ReactNode;
}) {
  const [format, setFormat] = useState<F>(formats[0]!.format);
  const file = fileFor(format);
  const label = formats.find((f) => f.format === format)!.label;
  return (
    <Tabs.Root value={format} onValueChange={(v) => setFormat(v as F)}>
      <section aria-labelledby="download-credentials-heading" className="space-y-2">
        <h3 id="download-credentials-heading" className="sr-only">
          Download credentials
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          <Tabs.List aria-label="Credentials format" className="flex flex-wrap gap-1 rounded-md bg-slate-100 p-0.5">
            {formats.map((f) => (
              <Tabs.Trigger
                key={f.format}
                value={f.format}
                title={f.description}
                className="rounded px-2.5 py-1 text-xs font-medium text-slate-700 hover:text-slate-900 data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm"
              >
                {f.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Button size="sm" className="ml-auto max-sm:w-full" onClick={() => saveFile(file.fileName, file.content, file.mime)}>
            <DownloadIcon />
            Download credentials
          </Button>
        </div>
        <p className="text-xs text-slate-600">
          Saved as <code className="font-mono text-slate-800 [overflow-wrap:anywhere]">{file.fileName}</code>
        </p>
      </section>
      <details className="group mt-3 rounded-lg ring-1 ring-slate-200">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-slate-500 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="m6 4 4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {summary}
        </summary>
        <div className="space-y-4 border-t border-slate-200 p-3">
          <Tabs.Content value={format} className="space-y-1.5 focus:outline-none">
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs font-medium text-slate-700">{label}</span>
              <CopyButton value={file.content} label={`${label} credentials`} />
            </div>
            <pre
              role="region"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
              tabIndex={0}
              aria-label={`${label} credentials`}
              className="max-h-44 overflow-auto rounded-md bg-code px-3 py-2.5 font-mono text-[11px] leading-relaxed break-all whitespace-pre-wrap text-code-fg"
            >
              {file.content}
            </pre>
          </Tabs.Content>
          {more}
        </div>
      </details>
    </Tabs.Root>
  );
}

/** A cluster client's files: shell, Spring Boot and JSON. */
export function DownloadCredentials({ input, more }: { input: CredentialsInput; more?: React.ReactNode }) {
  return (
    <CredentialsFiles
      formats={CREDENTIALS_FORMATS}
      fileFor={(f: CredentialsFormat) => credentialsFile(input, f)}
      summary="File preview and connection snippets"
      more={more}
    />
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M8 2.5v8m0 0L4.75 7.25M8 10.5l3.25-3.25M3 13.5h10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
