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

export function DownloadCredentials({ input }: { input: CredentialsInput }) {
  const [format, setFormat] = useState<CredentialsFormat>("env");
  const file = credentialsFile(input, format);
  const label = CREDENTIALS_FORMATS.find((f) => f.format === format)!.label;
  return (
    <section aria-labelledby="download-credentials-heading" className="rounded-lg ring-1 ring-slate-200">
      <Tabs.Root value={format} onValueChange={(v) => setFormat(v as CredentialsFormat)}>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
          <h3 id="download-credentials-heading" className="text-sm font-semibold text-slate-900">
            Connection details
          </h3>
          <Tabs.List aria-label="Credentials format" className="flex gap-1 rounded-md bg-slate-100 p-0.5">
            {CREDENTIALS_FORMATS.map((f) => (
              <Tabs.Trigger
                key={f.format}
                value={f.format}
                title={f.description}
                className="rounded px-2.5 py-1 text-xs font-medium text-slate-600 hover:text-slate-900 data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm"
              >
                {f.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        <Tabs.Content value={format} className="focus:outline-none">
          <pre
            role="region"
            aria-label={`${label} credentials`}
            className="max-h-44 overflow-auto bg-slate-950 px-3 py-2.5 font-mono text-[11px] leading-relaxed text-slate-100"
          >
            {file.content}
          </pre>
        </Tabs.Content>
      </Tabs.Root>
      <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5">
        <span className="text-xs text-slate-500">
          Saved as <code className="font-mono text-slate-700">{file.fileName}</code>
        </span>
        <div className="flex items-center gap-2">
          <CopyButton value={file.content} label={`${label} credentials`} />
          <Button size="sm" onClick={() => saveFile(file.fileName, file.content, file.mime)}>
            <DownloadIcon />
            Download credentials
          </Button>
        </div>
      </div>
    </section>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M8 2.5v8m0 0L4.75 7.25M8 10.5l3.25-3.25M3 13.5h10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
