/** Play/Pause, Step, Reset, the simulated clock, the seek slider and the speed. */
import { useSim, useSimStore } from '../../store/SimStoreProvider';
import { selectPlaying, selectTime } from '../../store/selectors';
import { formatClock } from './formatClock';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons';
import './controls.css';
import { SeekSlider } from './SeekSlider';
import { SpeedSelect } from './SpeedSelect';
import { PlaybackStatus } from './PlaybackStatus';

export function PlaybackBar() {
  const store = useSimStore();
  const playing = useSim(selectPlaying);
  const ready = useSim((s) => s.status === 'ready');
  const t = useSim(selectTime);
  return (
    <div className="playbar" role="group" aria-label="Playback">
      <button
        type="button"
        className="btn btn-primary play"
        disabled={!ready}
        onClick={() => void store.getState().togglePlay()}
        title="Play or pause (space)"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!ready}
        onClick={() => void store.getState().step()}
        title="Run until the cluster next changes (→)"
      >
        <StepIcon />
        Step
      </button>
      <button
        type="button"
        className="btn"
        disabled={!ready}
        onClick={() => void store.getState().reset()}
        title="Back to the start; your changes are forgotten"
      >
        <ResetIcon />
        Reset
      </button>
      <span className="clock" role="timer" aria-label="Simulated clock">
        {formatClock(t)}
      </span>
      <SeekSlider />
      <SpeedSelect />
      <PlaybackStatus />
    </div>
  );
}
