/** Argo's AnalysisPhase in the panel: its colour and the plugin's icon (pure). */

export type PhaseTone = 'ok' | 'bad' | 'warn' | 'run' | 'idle';

/** Argo's AnalysisPhase → the panel's colours. */
export function phaseTone(phase: string): PhaseTone {
  switch (phase) {
    case 'Successful':
      return 'ok';
    case 'Failed':
      return 'bad';
    case 'Error':
    case 'Inconclusive':
      return 'warn';
    case 'Running':
      return 'run';
  }
  return 'idle';
}

/** The plugin's icons (pkg/kubectl-argo-rollouts/info: ✔ ✖ ⚠ ? ◌). */
export function analysisPhaseIcon(phase: string): string {
  switch (phase) {
    case 'Successful':
      return '✔';
    case 'Failed':
      return '✖';
    case 'Error':
      return '⚠';
    case 'Inconclusive':
      return '?';
    case 'Running':
      return '◌';
  }
  return '◷';
}
