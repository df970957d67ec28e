/**
 * Where things are on the stage, for the layers drawn over it (arrows, request dots): tiles,
 * Service boxes, groups and clients register their elements by name through ref callbacks, and
 * the layers read their rectangles once per animation frame. Plain mutable Maps on purpose: this
 * is not React state, nothing re-renders when it changes.
 */
import { createContext, useCallback, useContext, type RefCallback } from 'react';

export interface StageRegistry {
  stage: HTMLElement | null;
  pods: Map<string, HTMLElement>;
  services: Map<string, HTMLElement>;
  groups: Map<string, HTMLElement>;
  /** The client column, and its client icons (request dots start at one of them). */
  clientBox: HTMLElement | null;
  clients: HTMLElement[];
}

export function createStageRegistry(): StageRegistry {
  return {
    stage: null,
    pods: new Map(),
    services: new Map(),
    groups: new Map(),
    clientBox: null,
    clients: [],
  };
}

export const StageRegistryContext = createContext<StageRegistry | null>(null);

export function useStageRegistry(): StageRegistry {
  const reg = useContext(StageRegistryContext);
  if (!reg) throw new Error('stage parts must be rendered inside <Stage>');
  return reg;
}

type Table = 'pods' | 'services' | 'groups';

/** A ref callback that keeps `reg[table][name]` pointing at the element while it is mounted. */
export function useRegister(table: Table, name: string): RefCallback<HTMLElement> {
  const reg = useStageRegistry();
  return useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      const map = reg[table];
      map.set(name, el);
      return () => {
        // A newer element may have taken the name (a pod re-listed elsewhere): keep that one.
        if (map.get(name) === el) map.delete(name);
      };
    },
    [reg, table, name],
  );
}

/** An element's centre and edges relative to the stage. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  cx: number;
  cy: number;
}

export function boxOf(el: HTMLElement, origin: DOMRect): Box | null {
  const r = el.getBoundingClientRect();
  // Not laid out (hidden panel, or a test DOM without layout): nothing to point at.
  if (r.width === 0 && r.height === 0) return null;
  const left = r.left - origin.left;
  const top = r.top - origin.top;
  return {
    left,
    right: left + r.width,
    top,
    bottom: top + r.height,
    cx: left + r.width / 2,
    cy: top + r.height / 2,
  };
}
