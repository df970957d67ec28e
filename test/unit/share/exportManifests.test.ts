/** "Export manifests": the file's manifests as edited, ready for `kubectl apply -f`. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exportManifests } from '../../../src/sim/session/exportManifests';
import { parseScenario } from '../../../src/sim/scenario/parse';
import { catalogFiles, catalogText } from '../../support/catalog';

const kinds = (text: string) =>
  parseAllDocuments(text).map(
    (d) => d.toJS() as { kind: string; metadata?: { annotations?: Record<string, string> } },
  );

describe('When the manifests are exported', () => {
  it.each(catalogFiles().filter((f) => f !== 'bad-version.yaml'))(
    '%s: no Scenario document and no rolloutlab.dev annotation remain, every manifest does',
    (file) => {
      const text = catalogText(file);
      const out = exportManifests(text, file.replace('.yaml', ''));
      const docs = kinds(out.text);
      expect(docs.map((d) => d.kind)).not.toContain('Scenario');
      expect(out.text).not.toContain('rolloutlab.dev');
      const parsed = parseScenario(text, file);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      expect(docs.map((d) => d.kind)).toEqual(parsed.scenario.manifests.map((m) => m.kind));
    },
  );

  it('keeps the person’s edits and comments, drops only our annotations', () => {
    const text = [
      '# my web app',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    rolloutlab.dev/caption: hi',
      '    team: payments',
      'spec:',
      '  replicas: 7 # edited',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations: { rolloutlab.dev/title: x }',
      '---',
      'apiVersion: rolloutlab.dev/v1alpha1',
      'kind: Scenario',
      'metadata: { name: mine }',
      'spec: {}',
    ].join('\n');
    const out = exportManifests(text, 'mine');
    expect(out.fileName).toBe('mine-manifests.yaml');
    expect(out.text).toContain('# my web app');
    expect(out.text).toContain('replicas: 7 # edited');
    expect(out.text).toContain('team: payments');
    expect(out.text).not.toContain('rolloutlab.dev');
    // The Service's annotations held only ours: the empty map goes too.
    expect(kinds(out.text)[1]!.metadata).toEqual({ name: 'web' });
    expect(out.notes.join(' ')).toMatch(/2 rolloutlab.dev annotation/);
  });
});
