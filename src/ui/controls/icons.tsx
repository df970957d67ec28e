/** Small inline icons for the playback buttons (no icon font: nothing is fetched). */
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
  className: 'icon',
} as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

export function StepIcon() {
  return (
    <svg {...common}>
      <path d="M3 2.5v11l8-5.5z" fill="currentColor" />
      <rect x="11.5" y="2.5" width="2.2" height="11" rx="1" fill="currentColor" />
    </svg>
  );
}

export function ResetIcon() {
  return (
    <svg {...common}>
      <path
        d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
      <path d="M3 2.2v3.6h3.6z" fill="currentColor" />
    </svg>
  );
}
