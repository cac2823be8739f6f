import type { DataValueFailure } from './checkDataValues';

const SUMMARY = 'One or more data values were invalid';

/** ytt's stderr for data values that fail the schema, in ytt's report layout. */
export function yttDataValuesError(failures: DataValueFailure[]): string {
  const width = Math.max(...failures.map(f => String(f.line).length));
  const gutter = (delimiter: string, position = '') =>
    `  ${position.padStart(width)} ${delimiter}`;
  let report =
    'ytt: Error: Overlaying data values (in following order: additional data values): \n' +
    `${SUMMARY}\n${'='.repeat(SUMMARY.length)}\n`;
  for (const failure of failures) {
    report += '\n';
    if (failure.description) report += `${failure.description}\n`;
    report += `${failure.fileName}:\n`;
    report += `${gutter('|')}\n`;
    report += `${gutter('|', String(failure.line))} ${failure.source}\n`;
    report += `${gutter('|')}\n\n`;
    report += `${gutter('=')} found: ${failure.found}\n`;
    report += `${gutter('=')} expected: ${failure.expected}\n`;
    for (const hint of failure.hints)
      report += `${gutter('=')} hint: ${hint}\n`;
  }
  return report;
}

export function yttYamlError(message: string): string {
  return `ytt: Error: ${message}\n`;
}
