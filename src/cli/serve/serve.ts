/**
 * `npm run sim -- serve FILE …`: plays the scenario in real time (× speed) and serves the
 * Kubernetes API on 127.0.0.1 for real kubectl, with a kubeconfig of its own. Exit 2 for bad
 * arguments, an invalid file or a port in use; Ctrl-C or SIGTERM stops it cleanly (exit 0).
 */
import { readScenarioFile } from '../cliArgs';
import { basename } from 'node:path';
import { Session } from '../../sim';
import { ServeState } from '../../sim/apiserver/serveState';
import { startClock } from '../../sim/apiserver/servedClock';
import { parseServeArgs, SERVE_USAGE } from './args';
import { writeKubeconfig } from './kubeconfig';
import { ApiHttpServer } from './httpServer';
import { startLoop } from './loop';

export async function serveMain(argv: readonly string[]): Promise<number> {
  const args = parseServeArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${SERVE_USAGE}\n`);
    return 2;
  }
  const text = readScenarioFile(args.file);
  if (text === undefined) return 2;
  const session = Session.load(text, basename(args.file), args.seed);
  if (!(session instanceof Session)) {
    process.stderr.write(`${session.errors.join('\n')}\n`);
    return 2;
  }
  if (args.startMs > 0) {
    session.beginWork();
    session.advanceTo(args.startMs);
  }
  const now = (): number => Date.now();
  const state = new ServeState(session, startClock(args.speed, session.now, now()), '');
  const http = new ApiHttpServer(state, now);
  let port: number;
  try {
    port = await http.listen(args.port);
  } catch (e) {
    const code = (e as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `error: port ${args.port} is already in use on 127.0.0.1 (another sim serve or kubectl proxy?): pass --port with another, or stop that one\n`
        : `error: cannot listen on 127.0.0.1:${args.port}: ${String(e)}\n`,
    );
    return 2;
  }
  (state as { serverAddress: string }).serverAddress = `127.0.0.1:${port}`;
  let kubeconfig: string;
  try {
    kubeconfig = writeKubeconfig(args.kubeconfig, port);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    await http.stop();
    return 2;
  }
  const stopLoop = startLoop(state, http, now);
  const info = session.info();
  const speed = args.speed === 0 ? 'paused' : `speed ${args.speed}×`;
  process.stdout.write(
    `Serving the simulated cluster of ${info.name} (${speed}, from t = ${session.now / 1000}s) on http://127.0.0.1:${port}\n` +
      `Kubeconfig: ${kubeconfig}\n` +
      `Use it:  KUBECONFIG=${kubeconfig} kubectl get pods\n` +
      `Ctrl-C stops the server.\n`,
  );
  return new Promise<number>((done) => {
    const stop = (): void => {
      stopLoop();
      void http.stop().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
