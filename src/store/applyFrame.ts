/**
 * Pure: merges a frame packet into the store's data. The simulation sends each view list only
 * as far as it changed (src/sim/view/listChange.ts), so an unchanged list, and every unchanged
 * item of a changed one, stays the very object it was: selectors and memoised components rely on
 * that identity and never compare views themselves. Maps are replaced, never mutated (zustand's
 * rule).
 */
import type { CommandRecord, EventRecord } from '../sim/runner/runResult';
import type { Frame, FrameViews, ListChange, PodView, RatesView } from '../sim/view/frame';
import type { FramePacket, ChartPoint } from '../worker/protocol';
import { appendBounded } from './appendBounded';

export const MAX_EVENTS = 2000;
export const MAX_POINTS = 2400;

type ViewKeys = { [K in keyof FrameViews]: string[] };

export interface FrameData {
  frame: Frame | null;
  epoch: number;
  /** Each view list's keys in order (what the next ListChange is applied to). */
  viewKeys: ViewKeys;
  /** The frame's pods by name (a new Map only when a pod changed). */
  pods: Map<string, PodView>;
  events: EventRecord[];
  commands: CommandRecord[];
  history: ChartPoint[];
}

export function noViewKeys(): ViewKeys {
  return {
    pods: [],
    replicaSets: [],
    deployments: [],
    services: [],
    routes: [],
    segments: [],
    rollouts: [],
    autoscalers: [],
    images: [],
  };
}

const NO_RATES: RatesView = { t: 0, ms: 0, rps: 0, byOwner: {}, route: null };

/** One list after a change: the same array when nothing changed, unchanged items kept. */
function applyList<T>(
  items: readonly T[],
  keys: readonly string[],
  change: ListChange<T>,
): { items: T[]; keys: string[] } {
  if (!change) return { items: items as T[], keys: keys as string[] };
  const byKey = new Map<string, T>();
  keys.forEach((k, i) => byKey.set(k, items[i]!));
  for (const [k, item] of change.changed) byKey.set(k, item);
  const next = change.keys ?? (keys as string[]);
  return { items: next.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : [])), keys: next };
}

export function applyFrame(prev: FrameData, packet: FramePacket): FrameData {
  const update = packet.frame;
  // A new epoch or a full frame starts over: nothing kept applies to it.
  const fresh = packet.epoch !== prev.epoch || update.full;
  const before = fresh ? null : prev.frame;
  const viewKeys = fresh ? noViewKeys() : prev.viewKeys;
  const lists = {
    pods: applyList(before?.pods ?? [], viewKeys.pods, update.pods),
    replicaSets: applyList(before?.replicaSets ?? [], viewKeys.replicaSets, update.replicaSets),
    deployments: applyList(before?.deployments ?? [], viewKeys.deployments, update.deployments),
    services: applyList(before?.services ?? [], viewKeys.services, update.services),
    routes: applyList(before?.routes ?? [], viewKeys.routes, update.routes),
    segments: applyList(before?.segments ?? [], viewKeys.segments, update.segments),
    rollouts: applyList(before?.rollouts ?? [], viewKeys.rollouts, update.rollouts),
    autoscalers: applyList(before?.autoscalers ?? [], viewKeys.autoscalers, update.autoscalers),
    images: applyList(before?.images ?? [], viewKeys.images, update.images),
  };
  const views: FrameViews = {
    pods: lists.pods.items,
    replicaSets: lists.replicaSets.items,
    deployments: lists.deployments.items,
    services: lists.services.items,
    routes: lists.routes.items,
    segments: lists.segments.items,
    rollouts: lists.rollouts.items,
    autoscalers: lists.autoscalers.items,
    images: lists.images.items,
  };
  const keys: ViewKeys = {
    pods: lists.pods.keys,
    replicaSets: lists.replicaSets.keys,
    deployments: lists.deployments.keys,
    services: lists.services.keys,
    routes: lists.routes.keys,
    segments: lists.segments.keys,
    rollouts: lists.rollouts.keys,
    autoscalers: lists.autoscalers.keys,
    images: lists.images.keys,
  };
  const pods =
    before && views.pods === before.pods
      ? prev.pods
      : new Map(views.pods.map((p) => [p.name, p] as const));
  const frame: Frame = {
    ...views,
    t: update.t,
    seq: update.seq,
    since: update.since,
    traffic: update.traffic,
    rates: update.rates ?? before?.rates ?? NO_RATES,
    requests: update.requests,
    events: update.events,
    commands: update.commands,
    commandUpdates: update.commandUpdates,
    captionMoment: update.captionMoment,
    clients: update.clients,
    objects: update.objects,
  };
  return {
    frame,
    epoch: packet.epoch,
    viewKeys: keys,
    pods,
    events: appendBounded(fresh ? [] : prev.events, update.events, MAX_EVENTS),
    commands: appendBounded(fresh ? [] : prev.commands, update.commands, MAX_EVENTS),
    history: appendBounded(fresh ? [] : prev.history, packet.points, MAX_POINTS),
  };
}
