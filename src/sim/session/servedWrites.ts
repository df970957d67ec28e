/**
 * Writes that reach the session through an API it serves (`sim serve`'s API server): the
 * session records each request as plain data and replays it after a seek back, like a console
 * command, through the performer the server hands over. The session knows nothing of the API
 * server itself (src/sim/apiserver stays out of the browser's worker: openapiData.test.ts).
 */
import type { KubectlHost, KubectlResult } from '../kubectl/host';

export interface WritePerformer<Req, Out extends KubectlResult> {
  /** Performs the write on the cluster now (through the host's Ctx), as the API server would. */
  perform(host: KubectlHost, request: Req): Out;
  /** The line the engine's command log shows for it. */
  line(request: Req): string;
  /** A dry run changes nothing: performed, never recorded. */
  dryRun(request: Req): boolean;
}
