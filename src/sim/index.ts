/**
 * The core's public entry: what the worker and the runner call. Everything else in src/sim is
 * reached through these; the store and the UI see only its types (they get values in frames).
 */
export { runScenario, type RunOptions, type RunOutcome } from './runner/run';
export type { RunResult } from './runner/runResult';
export { Session } from './session/session';
export { parseScenario } from './scenario/parse';
export {
  convertRetiredVersions,
  hasRetiredVersion,
  type Conversion,
} from './scenario/convertApiVersion';
export { locateIgnored, locateProblems } from './scenario/locate';
export type { UserAction } from './session/userAction';
export { parseDuration } from './core/quantity';
export { formatTable } from './kubectl/print/table';
export { previewRollout } from './plan/preview';
export type { RolloutPlan } from './plan/planTypes';
export { exportScenario, type ExportedText } from './session/exportScenario';
export { exportManifests } from './session/exportManifests';
export { editorSchema, type SchemaNode } from './scenario/editorSchema';
export { inputLimitErrors } from './scenario/inputLimits';
export { RunawayError } from './engine/runaway';
export { trafficLimitError } from './scenario/simulationLimits';
// Live mode (issue 12 item 3): an API server's objects mirrored and drawn by the same views.
export { LiveMirror } from './live/liveMirror';
export { LIVE_KINDS, MAX_WATCHES, collectionPath, type LiveKind } from './live/liveKinds';
export { liveCommand, type LiveWrite } from './live/liveCommand';
export type { Observation } from './live/observation';
export { recordingToScenario, type RecordedScenario } from './live/recording';
