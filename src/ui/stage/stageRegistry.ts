/**
 * Where things are on the stage, for the layers drawn over it (arrows, request dots): tiles,
 * Service boxes, groups and clients register their elements by name through ref callbacks, and
 * the layers read their rectangles through a cache (stageGeometry.ts). Plain mutable Maps on
 * purpose: this is not React state, nothing re-renders when it changes.
 */
import { createContext, useCallback, useContext, type RefCallback } from 'react';
import { createGeometry, type Geometry } from './stageGeometry';

export interface StageRegistry {
  stage: HTMLElement | null;
  pods: Map<string, HTMLElement>;
  services: Map<string, HTMLElement>;
  groups: Map<string, HTMLElement>;
  /** The route box and its rule, destination and mirror rows, by routeId (stageSelectors.ts). */
  routes: Map<string, HTMLElement>;
  /** The client column, and its client icons (request dots start at one of them). */
  clientBox: HTMLElement | null;
  clients: HTMLElement[];
  /** The client icons of each segment (-1: clients in no segment), when there are segments. */
  clientsBySegment: Map<number, HTMLElement[]>;
  /** Cached boxes of the elements above, relative to the stage. */
  geometry: Geometry;
  /**
   * Something moved (a pod list changed, the stage resized or scrolled): measure again, soon
   * (throttled) or, when `urgent`, on the next read.
   */
  invalidate(urgent?: boolean): void;
}

export function createStageRegistry(): StageRegistry {
  const geometry = createGeometry();
  return {
    stage: null,
    pods: new Map(),
    services: new Map(),
    groups: new Map(),
    routes: new Map(),
    clientBox: null,
    clients: [],
    clientsBySegment: new Map(),
    geometry,
    invalidate(urgent = false) {
      geometry.dirty = true;
      if (urgent) geometry.urgent = true;
    },
  };
}

export const StageRegistryContext = createContext<StageRegistry | null>(null);

export function useStageRegistry(): StageRegistry {
  const reg = useContext(StageRegistryContext);
  if (!reg) throw new Error('stage parts must be rendered inside <Stage>');
  return reg;
}

type Table = 'pods' | 'services' | 'groups' | 'routes';

/** A ref callback that keeps `reg[table][name]` pointing at the element while it is mounted. */
export function useRegister(table: Table, name: string): RefCallback<HTMLElement> {
  const reg = useStageRegistry();
  return useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      const map = reg[table];
      map.set(name, el);
      reg.invalidate();
      return () => {
        // A newer element may have taken the name (a pod re-listed elsewhere): keep that one.
        if (map.get(name) === el) map.delete(name);
        reg.invalidate();
      };
    },
    [reg, table, name],
  );
}
