/**
 * `-o yaml` and `-o json` as kubectl 1.32 writes them. The fixture holds objects with the
 * awkward cases (YAML 1.1 words and numbers as strings, timestamps, `: ` and `#`, leading and
 * trailing spaces, tabs, line breaks, long lines folded past column 80, lists in lists, HTML
 * characters, U+2028) and, for each, what real kubectl printed for it
 * (`kubectl label --local -f OBJ app=web --overwrite -o yaml|json`, run once to make the file).
 * The comparison suite (test/api/kubectlCompare.test.ts) checks the same printers on served
 * objects against kubectl itself.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { goYaml } from '../../../src/sim/kubectl/print/goYaml';
import { goJson } from '../../../src/sim/kubectl/print/goJson';
import {
  parseCustomColumns,
  printCustomColumns,
} from '../../../src/sim/kubectl/print/customColumns';

const cases = JSON.parse(
  readFileSync(new URL('./goPrinters.fixture.json', import.meta.url), 'utf8'),
) as { name: string; object: unknown; yaml: string; json: string }[];

describe('kubectl get -o yaml|json', () => {
  it.each(cases)('prints $name as kubectl 1.32 printed it', ({ object, yaml, json }) => {
    expect(goYaml(object)).toBe(yaml);
    expect(goJson(object)).toBe(json);
  });
});

describe('kubectl get -o custom-columns', () => {
  const pod = {
    metadata: { name: 'web-1', labels: { app: 'web', tier: 'front' } },
    spec: { containers: [{ image: 'nginx:1.27' }, { image: 'envoy:1' }] },
    status: { conditions: [{ type: 'Ready', status: 'True' }], podIP: '10.244.1.2' },
  };

  it('prints each column from its JSONPath, several values joined by commas, <none> for none', () => {
    const cols = parseCustomColumns(
      'NAME:.metadata.name,IMAGES:.spec.containers[*].image,READY:{.status.conditions[?(@.type=="Ready")].status},LABELS:metadata.labels,X:.nope',
    );
    if ('error' in cols) throw new Error(cols.error);
    expect(printCustomColumns(cols, [pod], false)).toBe(
      'NAME    IMAGES               READY   LABELS                    X\n' +
        'web-1   nginx:1.27,envoy:1   True    map[app:web tier:front]   <none>\n',
    );
  });

  it("refuses a spec in kubectl's words", () => {
    expect(parseCustomColumns('')).toEqual({
      error: 'custom-columns format specified but no custom columns given',
    });
    expect(parseCustomColumns('NAME')).toEqual({
      error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    });
  });
});
