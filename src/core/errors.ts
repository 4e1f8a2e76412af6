/**
 * An error in an input file that a person has to fix. It always says where:
 * which file, which line (1-based) and, where it applies, which field.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly detail: string;

  constructor(detail: string, where: { file: string; line?: number; field?: string }) {
    const loc = [
      where.file,
      where.line !== undefined ? `line ${where.line}` : undefined,
      where.field ? `field "${where.field}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${loc}: ${detail}`);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.detail = detail;
  }
}
