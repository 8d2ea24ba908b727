// What each leak policy does, in words: the owners' form and the read-only
// view of the other roles say the same. Plain data: safe in client components.
export type LeakPolicyName = "REVOKE" | "ALERT";

export const LEAK_POLICY_TEXT: Record<LeakPolicyName, { label: string; description: string }> = {
  REVOKE: { label: "Revoke at once (recommended)", description: "The leaked secret stops working within the report; the client keeps its other secrets. Rotate to issue a new one." },
  ALERT: { label: "Keep it working and alert", description: "The secret keeps working; the client's page shows a “leaked” banner until it is rotated." },
};
