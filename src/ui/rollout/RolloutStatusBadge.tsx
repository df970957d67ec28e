/** The plugin's Status line: icon and phase in the phase's colour, then the message. */
import type { RolloutView } from '../../sim/view/rolloutView';
import { Glyph } from './Glyph';

export function RolloutStatusBadge({
  status,
  icon,
  message,
}: Pick<RolloutView, 'status' | 'icon' | 'message'>) {
  return (
    <p className="ro-status" aria-label="Status">
      <span className={`ro-phase ro-phase-${status.toLowerCase()}`}>
        <Glyph char={icon} className="ro-phase-icon" />
        {status}
      </span>
      {message && <span className="ro-message">{message}</span>}
    </p>
  );
}
