/**
 * kubectl's top-level commands (kubectl pkg/cmd/cmd.go, v1.36, in the order they are added) and
 * cobra's "Did you mean this?" suggestions for a mistyped one (spf13/cobra command.go
 * SuggestionsFor: Levenshtein distance ≤ 2, case-insensitive, or a prefix; plus SuggestFor).
 */

export const ROOT_COMMANDS: readonly string[] = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'config',
  'plugin',
  'version',
  'api-versions',
  'api-resources',
  'options',
  'kuberc',
];

/**
 * Commands kubectl still ran but no longer listed: `rolling-update` (kubectl ≤ 1.17) was Hidden
 * and Deprecated, so cobra never suggested it (Command.IsAvailableCommand is false).
 */
export const HIDDEN_COMMANDS: readonly string[] = ['rolling-update'];

/** cobra's notice for a Deprecated command, printed before its flags are even parsed. */
export const DEPRECATED_COMMANDS: Readonly<Record<string, string>> = {
  'rolling-update': 'Command "rolling-update" is deprecated, use "rollout" instead\n',
};

/** Cobra SuggestFor entries (delete.go, describe.go, get.go, top.go). */
const SUGGEST_FOR: Record<string, readonly string[]> = {
  delete: ['rm', 'remove'],
  describe: ['inspect'],
  get: ['list', 'ls'],
  top: ['stats'],
};

/** cobra's ld(): Levenshtein distance, optionally ignoring case. */
export function levenshtein(a: string, b: string, ignoreCase = true): number {
  const s = ignoreCase ? a.toLowerCase() : a;
  const t = ignoreCase ? b.toLowerCase() : b;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

export function suggestionsFor(typed: string): string[] {
  const out: string[] = [];
  for (const name of ROOT_COMMANDS) {
    if (levenshtein(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()))
      out.push(name);
    for (const alias of SUGGEST_FOR[name] ?? []) {
      if (alias.toLowerCase() === typed.toLowerCase()) out.push(name);
    }
  }
  return out;
}

/** The error kubectl prints for an unknown top-level command (cobra legacyArgs + CheckErr). */
export function unknownCommand(typed: string): string {
  const suggestions = suggestionsFor(typed);
  const did = suggestions.length
    ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`
    : '\n';
  return `error: unknown command ${JSON.stringify(typed)} for "kubectl"${did}`;
}
