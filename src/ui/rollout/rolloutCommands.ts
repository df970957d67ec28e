/**
 * The kubectl-argo-rollouts command lines the panel's buttons send. They go through the console
 * (store.exec), so the history shows exactly what a person would type.
 */
import { nextImage } from '../../store/edits';

export const promoteCommand = (name: string) => `argo rollouts promote ${name}`;
export const promoteFullCommand = (name: string) => `argo rollouts promote ${name} --full`;
export const abortCommand = (name: string) => `argo rollouts abort ${name}`;
export const retryCommand = (name: string) => `argo rollouts retry rollout ${name}`;
export const setImageCommand = (name: string, container: string, image: string) =>
  `argo rollouts set image ${name} ${container}=${image}`;

/** The colour tags argoproj/rollouts-demo publishes, in the order its demos walk them. */
const DEMO_COLOURS = ['blue', 'yellow', 'green', 'purple', 'orange', 'red'];

/**
 * The next version for "Set new image": the rollouts-demo colours in turn
 * (argoproj/rollouts-demo:blue → :yellow), otherwise the last number in the tag goes up.
 */
export function nextRolloutImage(image: string): string {
  const at = image.lastIndexOf(':');
  if (at > image.lastIndexOf('/')) {
    const i = DEMO_COLOURS.indexOf(image.slice(at + 1));
    if (i >= 0) return `${image.slice(0, at)}:${DEMO_COLOURS[(i + 1) % DEMO_COLOURS.length]}`;
  }
  return nextImage(image);
}
