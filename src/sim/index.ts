/**
 * The core's public entry: what the worker and the runner call. Everything else in src/sim is
 * reached through these; the store and the UI see only its types (they get values in frames).
 */
export { runScenario, type RunOptions, type RunOutcome } from './runner/run';
export type { RunResult } from './runner/runResult';
export { Session } from './session/session';
export { parseScenario } from './scenario/parse';
export type { UserAction } from './session/userAction';
export { parseDuration } from './core/quantity';
export { formatTable } from './kubectl/print/table';
export { RunawayError } from './engine/runaway';
export { trafficLimitError } from './scenario/simulationLimits';
