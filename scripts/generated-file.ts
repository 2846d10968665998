import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Writes a generated file, or with `--check` on the command line fails (exit 1) when the committed
 * copy differs, so CI catches a generator that was not re-run.
 */
export function writeGenerated(target: string, text: string, regenerate: string, summary: string): void {
  const name = relative(process.cwd(), target);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, text);
    console.log(`Wrote ${name} (${summary}).`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of date.
  }
  if (current.replace(/\r\n/g, '\n') !== text) {
    console.error(`${name} is out of date: run \`${regenerate}\`.`);
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
}
