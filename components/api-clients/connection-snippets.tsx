"use client";
// Ready-to-paste connection snippets, one tab per client (shell, Node.js,
// Java, Spring Boot, zbctl), each with a copy button. UI only: the snippet
// text comes from lib/api-clients/connection-snippets. Pass the real secret
// only from the show-once dialog; everywhere else leave it out and the
// snippets carry a placeholder.
import { useMemo } from "react";
import { Tabs } from "radix-ui";
import { CopyButton } from "@/components/ui/copy-button";
import { connectionSnippets, type SnippetInput } from "@/lib/api-clients/connection-snippets";

export interface ConnectionSnippetsProps extends SnippetInput {
  /** Accessible name of the tab list. */
  label?: string;
  className?: string;
}

export function ConnectionSnippets({ label = "Connection snippets", className = "", ...input }: ConnectionSnippetsProps) {
  const { cluster, addresses, clientId, clientSecret, scopes, fileName } = input;
  const tabs = useMemo(
    () => connectionSnippets({ cluster, addresses, clientId, clientSecret, scopes, fileName }),
    [cluster, addresses, clientId, clientSecret, scopes, fileName],
  );
  return (
    <Tabs.Root defaultValue={tabs[0]!.id} className={className} data-testid="connection-snippets">
      <Tabs.List aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {tabs.map((t) => (
          <Tabs.Trigger
            key={t.id}
            value={t.id}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm"
          >
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((t) => (
        <Tabs.Content key={t.id} value={t.id} className="mt-3 space-y-4 focus:outline-none">
          {t.snippets.map((s) => (
            <figure key={s.title} className="min-w-0">
              <figcaption className="mb-1.5 flex items-end justify-between gap-3">
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-slate-900">{s.title}</span>
                  <span className="block text-xs font-medium text-slate-600">For {s.versions}</span>
                  {s.caption && <span className="block text-xs text-slate-600">{s.caption}</span>}
                  {s.links?.map((l) => (
                    <a
                      key={l.href}
                      href={l.href}
                      target="_blank"
                      rel="noreferrer"
                      className="block text-xs font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950"
                    >
                      {l.label}
                    </a>
                  ))}
                </span>
                <CopyButton value={s.code} label={`${t.label} snippet: ${s.title}`} />
              </figcaption>
              <pre
                role="region"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
                tabIndex={0}
                aria-label={`${t.label}: ${s.title}`}
                data-language={s.language}
                className="max-h-[28rem] overflow-auto rounded-lg bg-code px-4 py-3 font-mono text-[12.5px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere] text-code-fg focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              >
                <code>{s.code}</code>
              </pre>
            </figure>
          ))}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
