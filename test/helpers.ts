// Shared test helpers: run the CLI in-process and capture its output.
import { main } from '../src/cli/main.js';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd ?? ROOT,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTty: false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
