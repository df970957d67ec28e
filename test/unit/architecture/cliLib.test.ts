/**
 * src/cli runs only under Node: the tsconfig that type-checks it has no DOM, so a browser global
 * there is a compile error rather than a crash at run time. Checked by compiling a planted file
 * with the options of whichever project of tsconfig.json covers src/cli.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function parse(configPath: string): ts.ParsedCommandLine {
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
}

/** The projects listed in tsconfig.json whose files include `file`. */
function projectsOf(file: string): ts.ParsedCommandLine[] {
  const refs = parse(`${root}tsconfig.json`).projectReferences ?? [];
  return refs.map((r) => parse(r.path)).filter((p) => p.fileNames.includes(file));
}

/** The type errors of `code` compiled as `file` with `options`. */
function typeErrors(options: ts.CompilerOptions, file: string, code: string): string[] {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (p) => (p === file ? code : readFile(p));
  host.fileExists = (p) => p === file || ts.sys.fileExists(p);
  // A single planted file: the project's build settings (composite, outDir) do not apply.
  const program = ts.createProgram([file], { ...options, composite: false, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('The project that type-checks src/cli', { timeout: 30_000 }, () => {
  const cli = `${root}src/cli/sim.ts`;
  const projects = projectsOf(cli);

  it('is exactly one', () => {
    expect(projects).toHaveLength(1);
  });

  it('rejects a DOM global', () => {
    const [project] = projects;
    if (!project) throw new Error('no project covers src/cli');
    const errors = typeErrors(project.options, `${root}src/cli/planted.ts`, 'document.title;\n');
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('accepts Node', () => {
    const [project] = projects;
    if (!project) throw new Error('no project covers src/cli');
    const code = "import { readFileSync } from 'node:fs';\nreadFileSync(process.argv[1] ?? '');\n";
    expect(typeErrors(project.options, `${root}src/cli/planted.ts`, code)).toEqual([]);
  });
});
