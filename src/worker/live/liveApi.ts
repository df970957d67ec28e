/**
 * The live data source behind the worker boundary: the SimApi the store speaks, answered from
 * an API server instead of the simulator. Frames come from a LiveMirror (same views, same
 * charts); the console and sliders send their kubectl lines to the cluster only while writing
 * is on; what has no meaning live (scenarios, seeking, speed, the editor's simulated preview)
 * says so instead of pretending.
 */
import type { CommandResult, FramePacket, PlaybackState } from '../protocol';
import type { LiveApi, LiveStatus } from './liveProtocol';
import { LiveMirror, liveCommand, recordingToScenario } from '../../sim';
import { ApiError, LiveHttp, ReadOnlyError } from './liveHttp';
import { LiveSource, type SourceClock } from './liveSource';

export interface LiveOptions {
  /** The API base as an absolute URL, e.g. `http://127.0.0.1:8002/k8s`. */
  server: string;
  namespace?: string;
  fetch: typeof fetch;
  clock: SourceClock;
}

const NOT_LIVE = 'error: not available in live mode: the page shows a real cluster, not a scenario';

const PLAYBACK: PlaybackState = {
  playing: true,
  speed: 1,
  atEnd: false,
  pastEnd: false,
  step: null,
};

export function createLiveApi(opts: LiveOptions): LiveApi {
  const server = opts.server.replace(/\/+$/, '');
  const http = new LiveHttp(server, opts.fetch);
  let namespace = opts.namespace ?? 'default';
  let namespaces: string[] = [namespace];
  /** Why the picker offers only the current namespace; `served: false` for a 404. */
  let namespaceProblem: { text: string; served: boolean } | null = null;
  let mirror = new LiveMirror(server, namespace, opts.clock.now());
  let source = new LiveSource(http, mirror, namespace, opts.clock);
  let epoch = 0;
  source.start();

  const listNamespaces = async () => {
    try {
      const r = await http.get('/api/v1/namespaces');
      const body = (await r.json()) as { items?: { metadata?: { name?: string } }[] };
      const names = (body.items ?? []).map((i) => i.metadata?.name ?? '').filter(Boolean);
      namespaces = names.includes(namespace) ? names : [namespace, ...names];
      namespaceProblem = null;
    } catch (e) {
      namespaceProblem = {
        text: `Namespaces cannot be listed (the picker offers only ${namespace}): ${e instanceof Error ? e.message : String(e)}`,
        served: !(e instanceof ApiError && e.status === 404),
      };
    }
  };
  void listNamespaces();

  const result = (output: string, exitCode: number): CommandResult => {
    mirror.setNow(opts.clock.now());
    const t = mirror.cluster.now;
    return { output, exitCode, t, record: -1, epoch };
  };

  const exec = async (line: string): Promise<CommandResult> => {
    const c = liveCommand(line, namespace);
    if (!c.ok) return result(`${c.message}\n`, 1);
    try {
      await http.send(c.write.method, c.write.path, c.write.contentType, c.write.body);
      return result(`${c.write.done}\n`, 0);
    } catch (e) {
      if (e instanceof ReadOnlyError) return result(`${e.message}\n`, 1);
      return result(`Error from server: ${e instanceof Error ? e.message : String(e)}\n`, 1);
    }
  };

  const notLive = async () => result(`${NOT_LIVE}\n`, 1);

  return {
    async liveStatus(): Promise<LiveStatus> {
      const problems = [...source.problems.values()];
      const notServed = [...source.notServed.values()];
      if (namespaceProblem)
        (namespaceProblem.served ? problems : notServed).push(namespaceProblem.text);
      return {
        server,
        namespace,
        namespaces,
        writing: http.writing,
        listed: source.listed,
        notServed,
        watches: source.watches,
        problems,
      };
    },
    async setNamespace(next) {
      if (next === namespace) return;
      source.stop();
      namespace = next;
      epoch++;
      mirror = new LiveMirror(server, namespace, opts.clock.now());
      source = new LiveSource(http, mirror, namespace, opts.clock);
      source.start();
      void listNamespaces();
    },
    async setWriting(on) {
      http.writing = on;
    },
    async observation(from = 0, initialFrom = 0) {
      const o = mirror.observation;
      // A kind's first list lands in `initial` whenever it comes (polled kinds come seconds
      // after the watched ones), so a copy asks for the initial objects it has not seen yet too.
      return {
        ...o,
        initial: o.initial.slice(initialFrom),
        changes: o.changes.slice(from),
      };
    },
    async load() {
      return {
        ok: true,
        info: {
          name: 'live',
          startTime: 0,
          title: `Live: ${server}`,
          description: `The objects in namespace ${namespace}, as the API server serves them.`,
          duration: Number.MAX_SAFE_INTEGER,
          steps: [],
        },
      };
    },
    async check() {
      return {
        ok: false,
        problems: [{ line: null, message: NOT_LIVE }],
        ignored: [],
        notes: [],
        convertible: false,
      };
    },
    async convert(text) {
      return { text, changes: [NOT_LIVE] };
    },
    async pull(): Promise<FramePacket> {
      mirror.setNow(opts.clock.now());
      const { frame, points } = mirror.frame();
      return { frame, points, epoch, playback: { ...PLAYBACK } };
    },
    async play() {},
    async pause() {},
    async step() {},
    async continuePastEnd() {},
    async setSpeed() {},
    async seek() {},
    async reset() {},
    exec,
    async setTraffic() {},
    async setStartTime() {},
    async interrupt() {},
    async restore() {},
    async actions() {
      return [];
    },
    async beginGesture() {},
    async endGesture() {},
    applyText: notLive,
    async openEdit() {
      return { ok: false, result: await notLive() };
    },
    saveEdit: notLive,
    async preview() {
      return { kind: 'error', message: NOT_LIVE };
    },
    async exportScenario() {
      return null;
    },
    async exportManifests() {
      return null;
    },
    async fieldSchema() {
      return {};
    },
    // "Save recording as scenario" (item 4): the recording turned into a scenario file here, in
    // the worker, as the simulation worker does it.
    async recordScenario(obs) {
      try {
        return recordingToScenario(obs);
      } catch (e) {
        return { error: `the recording could not be made a scenario: ${String(e)}` };
      }
    },
  };
}
