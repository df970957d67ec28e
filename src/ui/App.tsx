/**
 * The page layout: top bar (scenario), the playback bar (sticky), the cluster picture with the
 * controls and charts in a column beside it, then events / console / steps / text under it. The store, and the loop
 * that feeds it, come from the provider.
 */
import { Charts } from './charts/Charts';
import { Workspace } from './Workspace';
import { useSim } from '../store/SimStoreProvider';
import { PlaybackBar } from './controls/PlaybackBar';
import { ScenarioPicker } from './controls/ScenarioPicker';
import { ScenarioHeading, StepCaption } from './controls/ScenarioHeading';
import { DeploymentPanel } from './controls/DeploymentPanel';
import { useScenario } from './controls/useScenario';
import { RolloutStatusLine } from './log/RolloutStatusLine';
import { StepsList } from './log/StepsList';
import { Notices } from './log/Notices';
import { useSimNotices } from './log/useSimNotices';
import { LoadingSkeleton, ScenarioErrors } from './log/LoadState';
import { useKeyboard } from './useKeyboard';
import { useUrlSync } from './useUrlSync';
import { LinkReplayDialog } from './link/LinkReplayDialog';
import { EditYamlButton } from './editor/EditYamlButton';
import { LabYamlHost } from './editor/LabYamlHost';
import { MyScenarios } from './share/MyScenarios';
import { ShareButtons } from './share/ShareButtons';
import './App.css';
// Buttons, inputs, tabs, loading states and the small-screen layout, right after the page's.
import './widgets.css';

export function App() {
  const scenario = useScenario();
  const sim = useSimNotices();
  const status = useSim((s) => s.status);
  const hasFrame = useSim((s) => s.frame !== null);
  useKeyboard();
  useUrlSync();
  const ready = status === 'ready' && hasFrame;
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Rollout Lab
        </div>
        <ScenarioPicker
          entries={scenario.entries}
          value={scenario.id}
          onChange={scenario.choose}
          customName={scenario.custom?.name}
        />
        <ScenarioHeading />
        <EditYamlButton />
        <div className="sharebar">
          <MyScenarios
            saved={scenario.saved}
            openId={scenario.custom?.savedId ?? null}
            onOpen={scenario.openSaved}
            onDelete={scenario.removeSaved}
          />
          <ShareButtons customText={scenario.custom?.text ?? null} />
        </div>
      </header>
      <LabYamlHost scenario={scenario} />
      <Notices notices={scenario.notices} onDismiss={scenario.dismiss} />
      <Notices notices={sim.notices} onDismiss={sim.dismiss} />
      {scenario.pending && (
        <LinkReplayDialog
          scenario={scenario.pending.title}
          actions={scenario.pending.actions}
          onReplay={scenario.pending.replay}
          onSkip={scenario.pending.skip}
        />
      )}
      <div className="controlbar">
        <PlaybackBar />
      </div>
      {status === 'error' ? (
        <ScenarioErrors />
      ) : !ready ? (
        <LoadingSkeleton />
      ) : (
        <>
          <div className="contextbar">
            <StepCaption />
            <RolloutStatusLine />
          </div>
          <Workspace panel={<DeploymentPanel />} charts={<Charts />} steps={<StepsList />} />
        </>
      )}
    </div>
  );
}
