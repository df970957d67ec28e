import { describe, expect, it } from 'vitest';
import { parsePath } from '../../../src/sim/apiserver/requestInfo';

describe('parsePath (the API server RequestInfo)', () => {
  it('takes a namespaced resource path apart', () => {
    expect(parsePath('/apis/apps/v1/namespaces/default/deployments/web/scale')).toEqual({
      type: 'resource',
      path: {
        group: 'apps',
        version: 'v1',
        namespace: 'default',
        resource: 'deployments',
        name: 'web',
        subresource: 'scale',
      },
    });
  });

  it('reads the core group, lists across namespaces and the namespace object itself', () => {
    expect(parsePath('/api/v1/pods')).toEqual({
      type: 'resource',
      path: { group: '', version: 'v1', resource: 'pods' },
    });
    expect(parsePath('/api/v1/namespaces/default')).toEqual({
      type: 'resource',
      path: { group: '', version: 'v1', resource: 'namespaces', name: 'default' },
    });
  });

  it('tells discovery and other paths apart', () => {
    expect(parsePath('/api')).toEqual({ type: 'discovery', prefix: 'api' });
    expect(parsePath('/apis')).toEqual({ type: 'discovery', prefix: 'apis' });
    expect(parsePath('/apis/apps')).toEqual({ type: 'discovery', prefix: 'apis', group: 'apps' });
    expect(parsePath('/apis/apps/v1')).toEqual({
      type: 'discovery',
      prefix: 'apis',
      group: 'apps',
      version: 'v1',
    });
    expect(parsePath('/version')).toEqual({ type: 'other', path: '/version' });
  });
});
