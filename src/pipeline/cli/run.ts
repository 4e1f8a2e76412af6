import { InputError } from '../../core/errors';

/**
 * Runs a CLI's main: bad input (an InputError names file, line and field) ends it with that one
 * line and exit code 1, no stack trace; anything else is a bug and is thrown as it is.
 */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\nerror: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
