/**
 * A blue/green Rollout's two Services: which pod-template hash each selects (in that version's
 * colour), and what the switch waits for — `promote`, or auto-promotion in n seconds.
 */
import { useMemo } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import type {
  BlueGreenView,
  RolloutPauseView,
  RolloutReplicaSetRef,
  RolloutView,
} from '../../sim/view/rolloutView';
import { versionColor } from '../charts/palette';
import { Countdown } from './Countdown';
import { selectHashColour } from './rolloutSelectors';

interface Props {
  bg: BlueGreenView;
  /** The Rollout's ReplicaSets that carry a scale-down deadline. */
  scaleDown: RolloutReplicaSetRef[];
  pause: RolloutPauseView | null;
  status: RolloutView['status'];
}

export function BlueGreenServices(props: Props) {
  const { bg } = props;
  return (
    <div className="ro-block">
      <h4 className="panel-title">Services</h4>
      <div className="ro-services">
        <ServiceBox role="active" service={bg.activeService} hash={bg.activeSelector} />
        <ServiceBox role="preview" service={bg.previewService} hash={bg.previewSelector} />
      </div>
      <Note {...props} />
    </div>
  );
}

/** What the switch waits for, or what just happened. */
function Note({ bg, pause, status, scaleDown }: Props) {
  if (pause?.reason === 'BlueGreenPause') {
    return (
      <p className="ro-note">
        {bg.autoPromoteAt !== null ? (
          <>
            auto-promotion in
            <Countdown from={pause.startedAt} to={bg.autoPromoteAt} label="Auto-promotion in" />
          </>
        ) : (
          <span className="ro-tag ro-tag-warn">waiting for promote</span>
        )}
      </p>
    );
  }
  const old = scaleDown.find((r) => r.scaleDownAt !== null && !r.tags.includes('active'));
  if (old?.scaleDownAt && status !== 'Degraded')
    return (
      <p className="ro-note">
        <code>{old.name}</code> scales down in
        <Countdown to={old.scaleDownAt} label="Scale-down in" />
      </p>
    );
  return null;
}

function ServiceBox({
  role,
  service,
  hash,
}: {
  role: 'active' | 'preview';
  service: string | null;
  hash: string | null;
}) {
  const colour = useSim(useMemo(() => selectHashColour(hash), [hash]));
  return (
    <div
      className={`ro-service ro-service-${role}`}
      aria-label={`${role} service`}
      style={colour >= 0 ? { borderLeftColor: versionColor(colour) } : undefined}
    >
      <span className="ro-service-role">{role}</span>
      <span className="ro-service-name" title={service ? `service/${service}` : undefined}>
        {service ?? 'none'}
      </span>
      <code className="ro-service-hash" title="rollouts-pod-template-hash">
        {hash ?? '—'}
      </code>
    </div>
  );
}
