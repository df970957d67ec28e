/**
 * Above this many pods the stage stops animating tiles (enter/exit, colour transitions, fading
 * ghosts): during a 300-pod rollout those cost thousands of animation events and style recalcs
 * a second for motion nobody can follow. The request dots still move.
 */
import type { SimState } from '../../store/createSimStore';

export const CALM_PODS = 100;

export const selectCalm = (s: SimState): boolean => s.pods.size > CALM_PODS;
