/**
 * The page in live mode (`?live=<apiBase>`): the simulator's stage, panels, event log, console
 * and charts drawing an API server. The scenario picker, playback, seeking and speed are left
 * out — a real cluster plays once, in real time — and the page says so.
 */
import { LiveCharts } from './LiveCharts';
import { Workspace } from '../Workspace';
import { useSim } from '../../store/SimStoreProvider';
import { useLive } from '../../store/live/LiveProvider';
import { RolloutStatusLine } from '../log/RolloutStatusLine';
import { LoadingSkeleton } from '../log/LoadState';
import { LiveBanner } from './LiveBanner';
import { LivePanel } from './LivePanel';
import { LiveRecordSlot } from './LiveRecordSlot';
import '../App.css';
import '../widgets.css';
import './live.css';

export function LiveApp() {
  const hasFrame = useSim((s) => s.status === 'ready' && s.frame !== null);
  // Until every kind has answered once, an empty stage would say "no Deployment" wrongly.
  const listed = useLive((s) => s.status?.listed ?? false);
  return (
    <div className="app live-app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Rollout Lab
        </div>
        <LiveBanner record={<LiveRecordSlot />} />
      </header>
      <p className="live-why small muted">
        No scenario picker, playback, seeking or speed here: a real cluster runs once, in real time,
        and the page shows it as the API server reports it. Request dots are off: the API does not
        report individual requests.
      </p>
      {!hasFrame || !listed ? (
        <LoadingSkeleton />
      ) : (
        <>
          <div className="contextbar">
            <RolloutStatusLine />
          </div>
          <Workspace panel={<LivePanel />} charts={<LiveCharts />} />
        </>
      )}
    </div>
  );
}
