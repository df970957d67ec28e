/**
 * A write as the session records it (an `api` user action) and what performing it gives: plain
 * data, so that a write through the served API is replayed after a seek back exactly as a
 * console command is.
 */
import type { Kind, KubeObject } from '../api/objects';
import type { KubectlResult } from '../kubectl/host';
import type { ResourcePath } from './types';
import type { StatusAnswer } from './writeStatus';

export interface ApiWriteRequest {
  method: string;
  path: ResourcePath;
  query: Record<string, string>;
  /** The media type without parameters: `application/strategic-merge-patch+json`. */
  contentType: string;
  body: string;
  /** kubectl's `Kubectl-Command` header (`kubectl set image`), for the command log. */
  command?: string;
}

/**
 * What a write did: the HTTP code, and either the object as stored now (with its kind, and
 * `scale` when the answer is the Scale subresource) or a Status. A KubectlResult too, so the
 * engine logs it beside the console's commands (`deployment.apps/web patched`).
 */
export interface WriteOutcome extends KubectlResult {
  code: number;
  kind?: Kind;
  object?: KubeObject;
  scale?: boolean;
  status?: StatusAnswer['body'];
}

/** `dryRun=All` (the only value the API server accepts): validate, answer, store nothing. */
export function isDryRun(req: Pick<ApiWriteRequest, 'query' | 'body' | 'method'>): boolean {
  if (req.query.dryRun === 'All') return true;
  if (req.method !== 'DELETE' || !req.body) return false;
  try {
    const opts = JSON.parse(req.body) as { dryRun?: unknown };
    return Array.isArray(opts.dryRun) && opts.dryRun.includes('All');
  } catch {
    return false;
  }
}
