"use client";
// Owners set the organization's OpenID Connect provider and its rules. The
// client secret is write-only: the form shows its last 4 characters and an
// empty field keeps it. Posts with or without JavaScript.
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { type FormAction, useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SSO_ROLES, SSO_SESSION_AGE_MAX, SSO_SESSION_AGE_MIN, type SsoRules } from "@/lib/sso/schemas";

export interface SsoSettingsValues extends SsoRules {
  issuer: string;
  clientId: string;
  secretHint: string | null;
  domains: string[];
}

type Result = ActionResult<{ changed: boolean }>;

const selectClass =
  "block h-9 w-full rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none";

type FieldErrors = Record<string, string[] | undefined> | undefined;
type Fields = { current: SsoSettingsValues | null; errors: FieldErrors; disabled?: boolean };

export function SsoSettingsForm({ current, action, disabled }: { current: SsoSettingsValues | null; action: FormAction<Result>; disabled?: boolean }) {
  const [state, onSubmit, pending, formAction] = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fields = { current, errors, disabled };
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Single sign-on settings">
      <ProviderFields {...fields} />
      <JoinFields {...fields} />
      <RoleMappingFields {...fields} />
      <SessionFields {...fields} />

      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        <Button type="submit" disabled={pending || disabled}>{pending ? "Saving…" : "Save"}</Button>
        {state?.ok && <p className="text-sm text-emerald-700">{state.data.changed ? "Saved." : "Nothing changed."}</p>}
        {state && !state.ok && <FormError message={state.error} className="basis-full" />}
      </div>
    </form>
  );
}

/** One part of the form under its legend; all of it disabled until step-up. */
function FormSection({ legend, disabled, children }: { legend: string; disabled?: boolean; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4" disabled={disabled}>
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A Field's select of the roles single sign-on may give; `none` labels an empty first choice. */
function roleSelect(name: string, defaultValue: string, none?: string) {
  return (p: React.ComponentProps<"select">) => (
    <select {...p} name={name} defaultValue={defaultValue} className={selectClass}>
      {none !== undefined && <option value="">{none}</option>}
      {SSO_ROLES.map((r) => (
        <option key={r} value={r}>{ROLE_LABELS[r]}</option>
      ))}
    </select>
  );
}

function ProviderFields({ current, errors, disabled }: Fields) {
  return (
    <FormSection legend="Provider" disabled={disabled}>
      <Field label="Issuer URL" hint="As the provider names it; the console reads <issuer>/.well-known/openid-configuration." errors={errors?.issuer}>
        {(p) => <input {...p} name="issuer" type="url" inputMode="url" required defaultValue={current?.issuer} placeholder="https://login.example.com" className={inputClass} />}
      </Field>
      <Field label="Client ID" errors={errors?.clientId}>
        {(p) => <input {...p} name="clientId" required defaultValue={current?.clientId} autoComplete="off" className={inputClass} />}
      </Field>
      <Field
        label="Client secret"
        hint={current?.secretHint ? `Saved, ending in …${current.secretHint}. It is never shown again; leave empty to keep it.` : "Stored encrypted; never shown again after saving."}
        errors={errors?.clientSecret}
      >
        {(p) => <input {...p} name="clientSecret" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
    </FormSection>
  );
}

function JoinFields({ current, errors, disabled }: Fields) {
  return (
    <FormSection legend="Who may join" disabled={disabled}>
      <Field label="Allowed email domains" hint="Separated by commas or lines, such as example.com. People with a verified email in these domains join at their first sign-in." errors={errors?.domains}>
        {(p) => <textarea {...p} name="domains" rows={2} required defaultValue={current?.domains.join(", ")} className={inputClass} />}
      </Field>
      <Field label="Role of a new member" errors={errors?.defaultRole}>
        {roleSelect("defaultRole", current?.defaultRole ?? "DEVELOPER")}
      </Field>
    </FormSection>
  );
}

function RoleMappingFields({ current, errors, disabled }: Fields) {
  return (
    <FormSection legend="Role mapping (optional)" disabled={disabled}>
      <p className="text-sm text-slate-600">
        When the ID token&rsquo;s claim equals or contains the value, the member gets the role, at every sign-in. Owners are never changed by it.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Claim" errors={errors?.roleClaim}>
          {(p) => <input {...p} name="roleClaim" defaultValue={current?.roleClaim ?? ""} placeholder="groups" autoComplete="off" className={inputClass} />}
        </Field>
        <Field label="Value" errors={errors?.roleClaimValue}>
          {(p) => <input {...p} name="roleClaimValue" defaultValue={current?.roleClaimValue ?? ""} placeholder="console-admins" autoComplete="off" className={inputClass} />}
        </Field>
        <Field label="Role" errors={errors?.mappedRole}>
          {roleSelect("mappedRole", current?.mappedRole ?? "", "No mapping")}
        </Field>
      </div>
    </FormSection>
  );
}

function SessionFields({ current, errors, disabled }: Fields) {
  return (
    <FormSection legend="Sessions" disabled={disabled}>
      <Field
        label="Maximum session age (minutes)"
        hint={`${SSO_SESSION_AGE_MIN} to ${SSO_SESSION_AGE_MAX}. After it, people sign in at the provider again, so someone removed there loses access within this time.`}
        errors={errors?.maxSessionAgeMinutes}
      >
        {(p) => <input {...p} name="maxSessionAgeMinutes" type="number" min={SSO_SESSION_AGE_MIN} max={SSO_SESSION_AGE_MAX} required defaultValue={current?.maxSessionAgeMinutes ?? 480} className={`${inputClass} max-w-40`} />}
      </Field>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="requireSso" defaultChecked={current?.requireSso} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
        <span>
          <span className="font-medium">Require single sign-on.</span> Members can no longer sign in here with a password. Owners keep their password as a
          break-glass way in; every use of it is recorded in Activity and listed on this page.
        </span>
      </label>
    </FormSection>
  );
}
