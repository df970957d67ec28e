/**
 * What a request dot's colour means: the client segment that sent it when the traffic has
 * segments (tiles keep their version colours), else the version that served it; hollow dots are
 * mirrored copies, a red burst a failed request, a dashed amber burst a mirrored copy that
 * failed at the mirror target (no client sees it).
 */
import { useMemo } from 'react';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import { clientGroups, segmentSlot } from './segments';
import { activeRoute, selectSegments } from './stageSelectors';
import './stageMirror.css';

const selectMirrors = (s: SimState): boolean =>
  !!activeRoute(s)?.http.some((r) => r.mirror && r.share > 0 && r.mirror.percent > 0);

export function SegmentLegend() {
  const segments = useSim(selectSegments);
  const mirrors = useSim(selectMirrors);
  const groups = useMemo(() => (segments.length ? clientGroups(segments) : []), [segments]);
  return (
    <ul className="dot-legend" aria-label="Request dots">
      <li className="dot-legend-title">Requests</li>
      {groups.length ? (
        groups.map((g) => (
          <li key={g.segment} data-s={segmentSlot(g.segment)}>
            <span className="dot-sample" aria-hidden="true" />
            {g.label}
          </li>
        ))
      ) : (
        <li>
          <span className="dot-sample dot-sample-version" aria-hidden="true" />
          version that served it
        </li>
      )}
      {mirrors && (
        <li>
          <span className="dot-sample dot-sample-mirror" aria-hidden="true" />
          mirrored copy
        </li>
      )}
      {mirrors && (
        <li>
          <span className="dot-sample dot-sample-mirror-failed" aria-hidden="true" />
          mirrored copy failed (client unaffected)
        </li>
      )}
      <li>
        <span className="dot-sample dot-sample-failed" aria-hidden="true" />
        {mirrors ? 'client request failed' : 'failed'}
      </li>
    </ul>
  );
}
