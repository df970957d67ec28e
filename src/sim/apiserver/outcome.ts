/** Building a WriteOutcome: the answer, and the line the engine's command log shows for it. */
import type { Kind, KubeObject } from '../api/objects';
import { resourceRef } from '../api/resourceRef';
import type { StatusAnswer } from './writeStatus';
import type { WriteOutcome } from './writeRequest';

/** A refused write: its Status, logged as kubectl prints it (`Error from server (NotFound): …`). */
export function refused(s: StatusAnswer): WriteOutcome {
  const reason = s.body.reason ? ` (${s.body.reason})` : '';
  return {
    code: s.code,
    status: s.body,
    output: `Error from server${reason}: ${s.body.message ?? ''}\n`,
    exitCode: 1,
  };
}

/** A write that answers with the object (`created`, `patched`, `replaced`, `deleted`). */
export function written(
  code: number,
  kind: Kind,
  object: KubeObject,
  verb: string,
  scale = false,
): WriteOutcome {
  const name = object.metadata?.name ?? '';
  return {
    code,
    kind,
    object,
    ...(scale ? { scale } : {}),
    output: `${resourceRef(kind, name)} ${verb}\n`,
    exitCode: 0,
  };
}
