// The client credentials flow as a picture: the application sends its client
// ID and secret to the authorization URL, receives an access token, and calls
// the cluster with it. Plain SVG in the theme's colours (the scale steps
// that dark mode remaps), drawn twice: side by side from `sm` up, stacked on
// a phone so its words stay legible at 390 px. The hidden drawing is
// display:none, so assistive technology meets one image; its name and steps
// are also the visible numbered caption below it.
const STEPS = [
  "Your application sends its client ID and secret to the cluster's authorization URL (POST /oauth/token).",
  "It receives an access token, valid for hours: cache it and reuse it until it expires.",
  "It calls the cluster (Zeebe, Operate, Tasklist, Optimize) with the token in the Authorization header.",
] as const;

const TITLE = "How an application gets and uses an access token";
const DESCRIPTION = STEPS.map((s, i) => `${i + 1}. ${s}`).join(" ");

const box = "fill-white stroke-slate-300";
const strong = "fill-slate-900 font-semibold";
const muted = "fill-slate-600";
const mono = "fill-slate-600 font-mono";

function Markers({ id }: { id: string }) {
  return (
    <defs>
      <marker id={`${id}-auth`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0L10 5L0 10z" className="fill-brand-600" />
      </marker>
      <marker id={`${id}-call`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0L10 5L0 10z" className="fill-sky-600" />
      </marker>
    </defs>
  );
}

function Badge({ x, y, n, tone }: { x: number; y: number; n: number; tone: "auth" | "call" }) {
  return (
    <g>
      <circle cx={x} cy={y} r={11} className={tone === "auth" ? "fill-brand-600" : "fill-sky-600"} />
      <text x={x} y={y + 4.5} textAnchor="middle" fontSize={13} className="fill-white font-semibold">
        {n}
      </text>
    </g>
  );
}

/** `id` makes the drawings' ids unique on a page (markers, title, description). */
export function OAuthFlowDiagram({ id, className = "" }: { id: string; className?: string }) {
  const auth = "stroke-brand-600";
  const call = "stroke-sky-600";
  return (
    <figure className={`text-left ${className}`}>
      {/* Side by side: the application on the left, the authorization URL and the cluster on the right. */}
      <svg role="img" aria-labelledby={`${id}-wide-title`} aria-describedby={`${id}-wide-desc`} data-oauth-flow="wide" viewBox="0 0 560 232" className="hidden h-auto w-full sm:block" fontSize={15}>
        <title id={`${id}-wide-title`}>{TITLE}</title>
        <desc id={`${id}-wide-desc`}>{DESCRIPTION}</desc>
        <Markers id={`${id}-wide`} />
        <rect x={1} y={1} width={150} height={230} rx={10} className={box} />
        <text x={76} y={108} textAnchor="middle" className={strong}>Your</text>
        <text x={76} y={128} textAnchor="middle" className={strong}>application</text>
        <rect x={369} y={1} width={190} height={86} rx={10} className={box} />
        <text x={464} y={36} textAnchor="middle" className={strong}>Authorization URL</text>
        <text x={464} y={60} textAnchor="middle" fontSize={13} className={mono}>/oauth/token</text>
        <rect x={369} y={145} width={190} height={86} rx={10} className={box} />
        <text x={464} y={180} textAnchor="middle" className={strong}>Your cluster</text>
        <text x={464} y={204} textAnchor="middle" fontSize={13} className={muted}>Zeebe · Operate · …</text>
        <line x1={152} y1={30} x2={366} y2={30} strokeWidth={2} className={auth} markerEnd={`url(#${id}-wide-auth)`} />
        <Badge x={176} y={30} n={1} tone="auth" />
        <text x={194} y={22} fontSize={13} className={muted}>client ID + secret</text>
        <line x1={368} y1={66} x2={154} y2={66} strokeWidth={2} className={auth} markerEnd={`url(#${id}-wide-auth)`} />
        <Badge x={176} y={66} n={2} tone="auth" />
        <text x={194} y={88} fontSize={13} className={muted}>access token</text>
        <line x1={152} y1={188} x2={366} y2={188} strokeWidth={2} className={call} markerEnd={`url(#${id}-wide-call)`} />
        <Badge x={176} y={188} n={3} tone="call" />
        <text x={194} y={180} fontSize={13} className={muted}>call with the token</text>
      </svg>
      {/* Stacked: the application on top, the authorization URL and the cluster below it. */}
      <svg role="img" aria-labelledby={`${id}-narrow-title`} aria-describedby={`${id}-narrow-desc`} data-oauth-flow="narrow" viewBox="0 0 300 262" className="block h-auto w-full sm:hidden" fontSize={15}>
        <title id={`${id}-narrow-title`}>{TITLE}</title>
        <desc id={`${id}-narrow-desc`}>{DESCRIPTION}</desc>
        <Markers id={`${id}-narrow`} />
        <rect x={1} y={1} width={298} height={54} rx={10} className={box} />
        <text x={150} y={33} textAnchor="middle" className={strong}>Your application</text>
        <rect x={1} y={181} width={138} height={80} rx={10} className={box} />
        <text x={70} y={211} textAnchor="middle" className={strong}>Authorization</text>
        <text x={70} y={229} textAnchor="middle" className={strong}>URL</text>
        <text x={70} y={249} textAnchor="middle" fontSize={12} className={mono}>/oauth/token</text>
        <rect x={161} y={181} width={138} height={80} rx={10} className={box} />
        <text x={230} y={218} textAnchor="middle" className={strong}>Your cluster</text>
        <text x={230} y={238} textAnchor="middle" fontSize={12} className={muted}>Zeebe · Operate · …</text>
        <line x1={36} y1={56} x2={36} y2={178} strokeWidth={2} className={auth} markerEnd={`url(#${id}-narrow-auth)`} />
        <Badge x={36} y={96} n={1} tone="auth" />
        <text x={36} y={130} fontSize={11} textAnchor="middle" className={muted} transform="rotate(-90 36 130)" dy={-16}>ID + secret</text>
        <line x1={104} y1={180} x2={104} y2={58} strokeWidth={2} className={auth} markerEnd={`url(#${id}-narrow-auth)`} />
        <Badge x={104} y={140} n={2} tone="auth" />
        <text x={104} y={100} fontSize={11} textAnchor="middle" className={muted} transform="rotate(-90 104 100)" dy={-16}>token</text>
        <line x1={230} y1={56} x2={230} y2={178} strokeWidth={2} className={call} markerEnd={`url(#${id}-narrow-call)`} />
        <Badge x={230} y={96} n={3} tone="call" />
        <text x={230} y={130} fontSize={11} textAnchor="middle" className={muted} transform="rotate(-90 230 130)" dy={-16}>with the token</text>
      </svg>
      <figcaption className="mt-3 text-sm text-slate-600">
        <span className="sr-only">{TITLE}: </span>
        <ol className="list-decimal space-y-1 pl-5">
          {STEPS.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
