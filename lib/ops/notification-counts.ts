// What the job runtime did in this process, for /metrics (lib/ops/metrics.ts
// reads these when scraped). Labels are bounded: the email kinds and outcomes below.
export type EmailOutcome = "sent" | "retried" | "failed";
export type WebhookOutcome = "delivered" | "retried" | "failed";

interface Counts {
  emails: Map<string, number>;
  webhooks: Map<string, number>;
  endpointsDisabled: number;
}

const g = globalThis as unknown as { __notificationCounts?: Counts };

export function notificationCounts(): Counts {
  g.__notificationCounts ??= { emails: new Map(), webhooks: new Map(), endpointsDisabled: 0 };
  return g.__notificationCounts;
}

export function countEmail(kind: string, outcome: EmailOutcome) {
  const key = `${kind}|${outcome}`;
  const m = notificationCounts().emails;
  m.set(key, (m.get(key) ?? 0) + 1);
}

export function countWebhook(outcome: WebhookOutcome) {
  const m = notificationCounts().webhooks;
  m.set(outcome, (m.get(outcome) ?? 0) + 1);
}
