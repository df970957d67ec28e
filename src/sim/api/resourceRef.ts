/** How kubectl names objects in its one-line results and errors. */
import type { Kind } from './objects';
import { resourceName } from './kinds';

/** `deployment.apps/web` */
export function resourceRef(kind: Kind, name: string): string {
  return `${resourceName(kind)}/${name}`;
}

/**
 * kubectl's rendering of an Invalid API error (cmdutil.CheckErr): `The Deployment "web" is
 * invalid: <field error>`, or one `* <field error>` line per cause when there are several.
 * `errors` are full API-server messages (`Deployment.apps "web" is invalid: ...`) or bare
 * field errors; the API-server prefix is replaced.
 */
export function kubectlInvalid(kind: Kind, name: string, errors: string[]): string {
  const causes = errors.flatMap((e) => splitCauses(e));
  const head = `The ${kind} "${name}" is invalid: `;
  if (causes.length === 1) return `${head}${causes[0]}\n`;
  return `${head}\n${causes.map((c) => `* ${c}`).join('\n')}\n`;
}

function splitCauses(message: string): string[] {
  const m = /^[A-Za-z.]+ "[^"]*" is invalid: (.*)$/s.exec(message);
  if (!m) return [message];
  const body = m[1] ?? '';
  if (!body.startsWith('[') || !body.endsWith(']')) return [body];
  // The API server joins several causes as "[a, b]"; split on ", " before a field path.
  return body
    .slice(1, -1)
    .split(/, (?=(?:metadata|spec|status)[.[:]|[a-z][A-Za-z]*(?:\[\d+\])?(?:\.[A-Za-z]+)*: )/);
}
