// What main.ts and the lazily loaded command modules share: exit codes, I/O, errors, option values.

/** Named exit codes (STYLE habit 14). */
export const EXIT = { OK: 0, FINDINGS: 1, FAILURE: 2 } as const;

export class UsageError extends Error {}

export interface MainIo {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The parsed option values the check command reads. */
export interface CheckValues {
  readonly format?: string[] | undefined;
  readonly output?: string | undefined;
  readonly 'output-dir'?: string | undefined;
  readonly config?: string | undefined;
  readonly kind?: string | undefined;
  readonly partial?: boolean | undefined;
  readonly 'as-of'?: string | undefined;
  readonly 'max-warnings'?: string | undefined;
  readonly quiet?: boolean | undefined;
  readonly documents?: string | undefined;
  readonly jobs?: string | undefined;
  readonly 'by-unit'?: boolean | undefined;
  readonly 'unit-from'?: string | undefined;
}
