/**
 * The kubectl lines live mode can send to a real cluster once writing is on: the ones the
 * app's own controls produce (store/edits.ts: the replicas slider's `kubectl scale`, the
 * strategy sliders' `kubectl patch`, "Deploy new version"'s `kubectl set image`), as the HTTP
 * request real kubectl 1.32 sends for each (seen with `kubectl -v=8`): scale a merge patch on
 * the scale subresource, patch and set image strategic-merge patches. Anything else is refused
 * with a message, never guessed.
 */

export interface LiveWrite {
  method: 'PATCH';
  /** Under the API base, e.g. `/apis/apps/v1/namespaces/default/deployments/web/scale`. */
  path: string;
  contentType: string;
  body: string;
  /** What kubectl prints when the server accepts it. */
  done: string;
}

export type LiveCommand = { ok: true; write: LiveWrite } | { ok: false; message: string };

const MERGE = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';

/** `deployment/web`, `deployments/web`, `deploy/web`, or a type and a name as two words. */
const DEPLOYMENT = /^(?:deployment|deployments|deploy)(?:\.apps)?$/;

function deploymentPath(namespace: string, name: string): string {
  return `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(name)}`;
}

/** Words of a command line, single- and double-quoted strings kept whole (as a shell splits them). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|([^\s'"]+)/g;
  let m: RegExpExecArray | null;
  let current = '';
  let last = -1;
  while ((m = re.exec(line))) {
    const piece = m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3] ?? '';
    // Adjacent pieces (--patch='{…}') join into one word.
    if (m.index === last) current += piece;
    else {
      if (last >= 0) words.push(current);
      current = piece;
    }
    last = re.lastIndex;
  }
  if (last >= 0) words.push(current);
  return words;
}

/** The deployment a command names (`deployment/web` or `deployment web`), and the other words. */
function target(words: string[]): { name: string; rest: string[] } | null {
  const [first, second, ...rest] = words;
  if (!first) return null;
  const slash = first.indexOf('/');
  if (slash > 0) {
    if (!DEPLOYMENT.test(first.slice(0, slash))) return null;
    return { name: first.slice(slash + 1), rest: second === undefined ? rest : [second, ...rest] };
  }
  if (!DEPLOYMENT.test(first) || !second) return null;
  return { name: second, rest };
}

/** A flag's value (`--replicas=3` or `--replicas 3`), if given. */
function flag(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    for (const n of names) {
      if (w === n) return words[i + 1];
      if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

const ONLY =
  'live mode sends only `kubectl scale deployment`, `kubectl patch deployment` and `kubectl set image deployment` to the cluster; use your own kubectl for the rest';

/** The request a kubectl line is on the cluster, or why live mode does not send it. */
export function liveCommand(line: string, namespace: string): LiveCommand {
  const words = splitWords(line.trim());
  if (words[0] === 'kubectl') words.shift();
  const verb = words.shift();
  if (verb === 'scale') {
    const t = target(words);
    const replicas = t ? flag(t.rest, '--replicas') : undefined;
    if (!t || replicas === undefined || !/^\d+$/.test(replicas))
      return { ok: false, message: ONLY };
    return {
      ok: true,
      write: {
        method: 'PATCH',
        path: `${deploymentPath(namespace, t.name)}/scale`,
        contentType: MERGE,
        body: JSON.stringify({ spec: { replicas: Number(replicas) } }),
        done: `deployment.apps/${t.name} scaled`,
      },
    };
  }
  if (verb === 'patch') {
    const t = target(words);
    const patch = t ? flag(t.rest, '-p', '--patch') : undefined;
    const type = (t ? flag(t.rest, '--type') : undefined) ?? 'strategic';
    if (!t || patch === undefined || (type !== 'strategic' && type !== 'merge'))
      return { ok: false, message: ONLY };
    try {
      JSON.parse(patch);
    } catch (e) {
      return { ok: false, message: `error: unable to parse "${patch}": ${String(e)}` };
    }
    return {
      ok: true,
      write: {
        method: 'PATCH',
        path: deploymentPath(namespace, t.name),
        contentType: type === 'merge' ? MERGE : STRATEGIC,
        body: patch,
        done: `deployment.apps/${t.name} patched`,
      },
    };
  }
  if (verb === 'set' && words[0] === 'image') {
    const t = target(words.slice(1));
    const pairs = (t?.rest ?? []).filter((w) => !w.startsWith('-') && w.includes('='));
    if (!t || pairs.length === 0) return { ok: false, message: ONLY };
    const containers = pairs.map((p) => {
      const at = p.indexOf('=');
      return { name: p.slice(0, at), image: p.slice(at + 1) };
    });
    return {
      ok: true,
      write: {
        method: 'PATCH',
        path: deploymentPath(namespace, t.name),
        contentType: STRATEGIC,
        body: JSON.stringify({ spec: { template: { spec: { containers } } } }),
        done: `deployment.apps/${t.name} image updated`,
      },
    };
  }
  return { ok: false, message: ONLY };
}
