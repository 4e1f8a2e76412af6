/**
 * The words a source says a position or an extent with. A record's source names where it comes
 * from (`ref`); each entry here ties one of those references to the words found in it, verbatim,
 * so a reader can check that the source says what the record claims (a page that never names the
 * place supports nothing).
 */
import { z } from 'zod';

export const Support = z
  .object({
    /** One reference of the record's `ref`: a page address, repository and path, a file of sources/geo, or a report line. */
    ref: z.string().min(1),
    /** The words in that source that support the position or the extent, as found there. */
    quote: z.string().min(1),
  })
  .strict();
export type SupportT = z.infer<typeof Support>;
export const Supports = z.array(Support).min(1);
