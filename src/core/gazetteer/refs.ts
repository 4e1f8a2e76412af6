/**
 * Whether a source reference can be followed by a stranger: it must give a page address, a
 * repository and path, a file of the shared sources, or a line of the report. An internal id of a
 * search tool, or "a public file somewhere", cannot be followed and is refused.
 */

const URL_RE = /\bhttps?:\/\/[^\s)）;；,，]+/;
/** owner/name then a path with an extension: "modood/Administrative-divisions-of-China dist/villages.csv". */
const REPO_PATH_RE = /\b[\w.-]+\/[\w.-]+(?:,|\s)\s*(?:path\s+)?`?[\w./-]+\.[a-z]{2,5}\b/;
const SHARED_RE = /\b[a-z0-9_]+_(?:wgs84|gcj02|gcoord)\w*\.(?:geojson|csv)\b|(?:shared\/sources|sources\/geo)\/SOURCES\.md/;
const REPORT_RE = /\breport (?:line|paragraph)s? \d+/;
const UNFOLLOWABLE: Array<[RegExp, string]> = [
  [/search[- ]index id/i, 'cites a search-index id'],
  [/indexed file id/i, 'cites an indexed file id'],
  [/find_string/i, 'cites a search-tool query'],
];

/** null when the reference can be followed, else why not. */
export function unfollowableRef(ref: string): string | null {
  for (const [re, why] of UNFOLLOWABLE) if (re.test(ref)) return `${why}, which no one else can follow`;
  if (URL_RE.test(ref) || REPO_PATH_RE.test(ref) || SHARED_RE.test(ref) || REPORT_RE.test(ref)) return null;
  return 'names no page address, repository and path, shared source file or report line';
}
