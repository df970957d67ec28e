/**
 * generateName: `<prefix>` plus five random characters from Kubernetes' "safe" alphabet
 * (apiserver names.SimpleNameGenerator), drawn again on the rare clash.
 */
import type { Kind } from '../api/objects';
import type { Ctx } from './context';
import { SAFE_ALPHABET } from './context';

export function uniqueName(ctx: Ctx, kind: Kind, prefix: string): string {
  for (;;) {
    const name = `${prefix}${ctx.names.chars(SAFE_ALPHABET, 5)}`;
    if (!ctx.store.get(kind, name)) return name;
  }
}
