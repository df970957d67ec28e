/**
 * The state a running `kubectl rolling-update` keeps between wake-ups (kubectl 1.17
 * rolling_updater.go's locals, as plain data), apart from the loop in rollingUpdate.ts so that
 * the command's result type (host.ts) can name it without importing the loop.
 */
import type { ReplicationController as RC } from '../api/objects';

type Phase =
  /** Scale (PollImmediate) then WaitForScaleHasDesiredReplicas on `wait`. */
  | 'waitScale'
  /** Top of Update's `for` loop: done, or scale up. */
  | 'loopTop'
  /** time.Sleep(UpdatePeriod) is over: scale down. */
  | 'scaleDown'
  /** Bottom of the loop: the progress deadline. */
  | 'loopEnd'
  /** cleanupWithClients: annotations, then wait.Poll(controllerHasDesiredReplicas). */
  | 'cleanup'
  | 'cleanupPoll'
  /** Rename: wait.Poll until the renamed controller's old name is gone, then create. */
  | 'renamePoll'
  /** Run's last lines: read the controller back and print it. */
  | 'finish';

/** A running `kubectl rolling-update`: plain JSON data (checkpoints deep-copy it). */
export interface RollingUpdateState {
  phase: Phase;
  /** Phase to enter once `wait` is satisfied. */
  afterWait: Phase;
  oldName: string;
  newName: string;
  desired: number;
  maxSurge: number;
  minAvailable: number;
  updatePeriodMs: number;
  intervalMs: number;
  timeoutMs: number;
  cleanupPolicy: 'Delete' | 'Rename';
  /** Replica counts as the client last read them (Go's oldRc / newRc variables). */
  oldReplicas: number;
  newReplicas: number;
  /** The counts at the top of the current loop iteration. */
  iterOld: number;
  iterNew: number;
  /** Simulated ms after which a loop without progress fails. */
  progressDeadline: number;
  /** The scale being waited for. */
  wait: { name: string; replicas: number; deadline: number; side: 'old' | 'new' } | null;
  /** cleanup's poll: the generation the status must have observed. */
  generation: number;
  pollDeadline: number;
  /** Rename: the controller to create under its new name once `renameFrom` is gone. */
  rename: { from: string; rc: RC } | null;
  /** What Run prints at the end (null: the resumed rename of Run's first branch prints nothing). */
  final: { name: string; message: string; output: string } | null;
}
