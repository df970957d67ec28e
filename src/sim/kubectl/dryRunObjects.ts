/**
 * `set image|scale … --dry-run=client -o yaml|json`: kubectl prints the object instead of the
 * "… (dry run)" line. set_image.go prints the object it patched locally (nothing is sent);
 * scale.go, on a client dry run, prints the object as it fetched it, unscaled (PrintObj of
 * info.Object). Several objects are separated by `---` in YAML (cli-runtime YAMLPrinter).
 */
import type { KubectlCommand } from './parse/command';
import type { KubectlHost, KubectlResult } from './host';
import { kindOf, nameOf, resolve } from './targets';
import { asServed } from './print/served';
import { goJson } from './print/goJson';
import { goYaml } from './print/goYaml';

type Printed = Extract<KubectlCommand, { verb: 'set image' | 'scale' }>;

/** The printed objects, or undefined when kubectl prints its usual line. */
export function dryRunObjects(
  host: KubectlHost,
  dry: KubectlHost,
  cmd: KubectlCommand,
  ran: KubectlResult,
): KubectlResult | undefined {
  if (cmd.verb !== 'set image' && cmd.verb !== 'scale') return undefined;
  const c: Printed = cmd;
  if (c.dryRun !== 'client' || (c.output !== 'yaml' && c.output !== 'json')) return undefined;
  if (ran.exitCode !== 0) return undefined;
  const { objects, errors } = resolve(host, c);
  const docs = objects.map((o) => {
    // The patch is applied on the client: no generation or resourceVersion of a server write.
    const patched = c.verb === 'set image' ? dry.ctx.store.get(kindOf(o), nameOf(o)) : undefined;
    const after = patched ? { ...patched, metadata: o.metadata } : o;
    const served = asServed(after);
    return c.output === 'json' ? goJson(served) : goYaml(served);
  });
  const output =
    (c.output === 'yaml' ? docs.join('---\n') : docs.join('')) +
    errors.map((e) => `${e}\n`).join('');
  return { output, exitCode: errors.length ? 1 : 0 };
}
