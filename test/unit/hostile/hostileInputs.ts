/**
 * The hostile inputs of issue 11 item 9, as scenario texts, each with what its message must say.
 * Shared by the parse tests and the worker-API tests.
 */
import { catalogText } from '../../support/catalog';

const RAMPED = catalogText('ramped');

/** ramped.yaml with its Deployment's `replicas: 3` replaced. */
const withReplicas = (value: string) => RAMPED.replace('replicas: 3', `replicas: ${value}`);

/** 9 anchors of 9 aliases each: 9⁹ ≈ 387 million strings once expanded (billion laughs). */
function aliasBomb(): string {
  const lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = n;
  }
  return `${RAMPED}\n---\n${lines.join('\n')}\n`;
}

/** Merge keys instead of plain aliases: each level merges the previous one's keys. */
function mergeBomb(): string {
  const lines = ['a0: &a0 {k0: [x, x, x, x, x, x, x, x, x, x]}'];
  for (let i = 1; i < 30; i++)
    lines.push(`a${i}: &a${i} {<<: *a${i - 1}, k${i}: [*a${i - 1}, *a${i - 1}, *a${i - 1}]}`);
  return `${RAMPED}\n---\n${lines.join('\n')}\n`;
}

export interface Hostile {
  name: string;
  text: () => string;
  /** A part of the first message. */
  message: string | RegExp;
}

export const HOSTILE: Hostile[] = [
  {
    name: 'a huge file (20 MB)',
    text: () => `${RAMPED}\n# ${'x'.repeat(20 * 1024 * 1024)}\n`,
    message: /the file is 2\d{7} bytes; the simulator reads files up to 1572864 bytes/,
  },
  {
    name: 'a 10 MB string',
    text: () => RAMPED.replace('name: ramped', `name: "${'x'.repeat(10 * 1024 * 1024)}"`),
    message: 'the simulator reads files up to 1572864 bytes',
  },
  {
    name: 'a 1 MB string (under the file limit)',
    text: () => RAMPED.replace('name: ramped', `name: "${'x'.repeat(1024 * 1024)}"`),
    message:
      /yaml: line \d+: a line of 1048\d\d\d bytes; the simulator reads strings up to 262144 bytes$/,
  },
  {
    name: 'a 1 MB string over many lines',
    text: () =>
      RAMPED.replace(
        'rolloutlab.dev/description: >-',
        `rolloutlab.dev/description: >-\n${'      xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'.repeat(10_000)}`,
      ),
    message:
      'error: error validating "hostile.yaml": metadata.annotations.rolloutlab.dev/description: a string of',
  },
  {
    name: 'deep flow nesting (100 000 brackets)',
    text: () => `${RAMPED}\n---\na: ${'['.repeat(100_000)}\n`,
    message:
      /^error: error parsing hostile\.yaml: error converting YAML to JSON: yaml: line \d+: exceeded max depth of 64$/,
  },
  {
    name: 'deep block nesting (500 levels)',
    text: () =>
      `${RAMPED}\n---\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n`,
    message: /yaml: line \d+: exceeded max depth of 64$/,
  },
  {
    name: 'nested sequences on one line (1 000 dashes)',
    text: () => `${RAMPED}\n---\n${'- '.repeat(1000)}x\n`,
    message: 'exceeded max depth of 64',
  },
  {
    name: 'a YAML alias bomb',
    text: aliasBomb,
    message: 'error converting YAML to JSON: yaml: document contains excessive aliasing',
  },
  {
    name: 'an alias bomb through merge keys',
    text: mergeBomb,
    message: 'error converting YAML to JSON: yaml: document contains excessive aliasing',
  },
  {
    name: 'one mapping of 100 000 keys',
    text: () =>
      `${RAMPED}\n---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`,
    message: 'a mapping or sequence has more than 2000 entries',
  },
  {
    name: 'a flow sequence of 500 000 items',
    text: () => `${RAMPED}\n---\na: [${`${'1,'.repeat(100)}\n`.repeat(5000)}1]\n`,
    message: 'a mapping or sequence has more than 2000 entries',
  },
  {
    name: '100 000 documents',
    text: () => `${RAMPED}\n${'---\na: 1\n'.repeat(100_000)}`,
    message: 'the file holds more than 500 documents',
  },
  {
    name: 'a __proto__ key',
    text: () => RAMPED.replace('  replicas: 3', '  __proto__: {replicas: 100}\n  replicas: 3'),
    message:
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.__proto__"',
  },
  {
    name: 'a __proto__ key through a merge key',
    text: () =>
      RAMPED.replace('  replicas: 3', '  <<: {__proto__: {minReadySeconds: 5}}\n  replicas: 3'),
    message: 'strict decoding error: unknown field "spec.__proto__"',
  },
  {
    name: 'replicas: .nan',
    text: () => withReplicas('.nan'),
    message: 'error converting YAML to JSON: json: unsupported value: NaN',
  },
  {
    name: 'replicas: .inf',
    text: () => withReplicas('.inf'),
    message: 'json: unsupported value: +Inf',
  },
  {
    name: 'rps: -.Inf',
    text: () => RAMPED.replace('rps: 20', 'rps: -.Inf'),
    message: 'json: unsupported value: -Inf',
  },
  {
    name: '10⁶ replicas',
    text: () => withReplicas('1000000'),
    message:
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: 1000000: must be less than or equal to 10000 (the most replicas of one workload the simulator runs)',
  },
];
