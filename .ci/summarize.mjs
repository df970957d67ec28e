// Sums Vitest JSON reports into the one closing line CI reads: "N passed, N failed, N skipped".
// A suite that failed to import (no assertions, success false) counts as one failure; so does a
// stage that failed without writing a report (passed as --failed-stages=N).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const stagesArg = process.argv.find((a) => a.startsWith('--failed-stages='));
failed += Number(stagesArg?.split('=')[1] ?? 0);

for (const file of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  if (!existsSync(file)) {
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const suite of r.testResults ?? []) {
    if (
      suite.status === 'failed' &&
      (suite.assertionResults ?? []).every((a) => a.status !== 'failed')
    )
      failed += 1;
  }
  if (r.success === false && (r.numFailedTests ?? 0) === 0 && (r.numFailedTestSuites ?? 0) === 0)
    failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
