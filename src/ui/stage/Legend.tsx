/** What the tile outlines mean: a key an instructor can point at. Colours are per version. */
import type { PodLook } from './layout';

const ITEMS: [PodLook | 'available', string][] = [
  ['pending', 'Pending'],
  ['creating', 'Creating'],
  ['running', 'Running, not ready'],
  ['ready', 'Ready'],
  ['available', 'Available'],
  ['terminating', 'Terminating'],
  ['failing', 'Failing'],
];

export function Legend() {
  return (
    <ul className="stage-legend" aria-label="Pod states">
      {ITEMS.map(([look, text]) => (
        <li key={look}>
          <span
            className={`pod pod-${look === 'available' ? 'ready' : look} pod-sample`}
            data-v="legend"
            aria-hidden="true"
          >
            {(look === 'ready' || look === 'available') && (
              <svg className="pod-check" viewBox="0 0 12 12">
                <path d="M2.5 6.4 5 8.8 9.6 3.6" />
              </svg>
            )}
            {look === 'available' && <span className="pod-dot" />}
            {look === 'failing' && <span className="pod-badge">!</span>}
          </span>
          {text}
        </li>
      ))}
    </ul>
  );
}
