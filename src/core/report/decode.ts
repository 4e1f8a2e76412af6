import { InputError } from '../errors';

/** A work report is 50–300 kB of text; anything over this is not one (a video, an archive, a dump). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** The one-line refusal of a file over MAX_REPORT_BYTES, or undefined when it is small enough. */
export function tooBig(bytes: number): string | undefined {
  if (bytes <= MAX_REPORT_BYTES) return undefined;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  return `the file is ${bytes.toLocaleString('en')} bytes (${mib(bytes)}); a report is at most ${mib(MAX_REPORT_BYTES)} of text`;
}

/** Characters that ordinary report text is made of: CJK, its punctuation, ASCII, whitespace. */
const TEXTLIKE = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7 -~\t\r\n]/g;

function textlikeShare(s: string): number {
  if (s.length === 0) return 0;
  return (s.match(TEXTLIKE)?.length ?? 0) / s.length;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A file that is plainly not text, or UTF-16 by its byte-order mark. */
function sniff(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'a PDF file, not text: save the report as text (.txt) or as a web page (.html)';
  if (head.startsWith('PK\u0003\u0004')) return 'a zip archive (a .docx or .xlsx?), not text: save the report as text (.txt)';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'an old Word/Excel file, not text: save the report as text (.txt)';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'the file is UTF-16 (it starts with a UTF-16 byte-order mark): convert it with `iconv -f UTF-16 -t UTF-8`';
  return undefined;
}

/**
 * UTF-16 without a byte-order mark: an even length whose decoding is ordinary text. Asked only of
 * bytes that are not UTF-8 (or hold NULs): pairs of ASCII letters also decode to CJK code points.
 */
function utf16Hint(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    for (const enc of ['utf-16le', 'utf-16be']) {
      const t = tryDecode(bytes.subarray(0, Math.min(bytes.length, 4096)), enc);
      if (t !== undefined && textlikeShare(t) > 0.95)
        return `the file looks like ${enc.toUpperCase()} text: convert it with \`iconv -f ${enc.toUpperCase()} -t UTF-8\``;
    }
  }
  return undefined;
}

/**
 * Decodes report bytes as strict UTF-8. A file in another encoding is refused with a hint of what
 * it is (UTF-16, GB18030, a PDF or Word file) and the first line that fails, rather than decoded
 * into mojibake that would then be parsed as if it were text.
 */
export function decodeReportBytes(bytes: Uint8Array, file: string): string {
  const big = tooBig(bytes.length);
  if (big) throw new InputError(big, { file });
  const hint = sniff(bytes);
  if (hint) throw new InputError(hint, { file, line: 1 });
  let start = 0;
  // Skip a UTF-8 byte-order mark; it is not part of the text.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: string[] = [];
  let line = 1;
  let lineStart = start;
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const chunk = bytes.subarray(lineStart, i);
      try {
        out.push(decoder.decode(chunk));
      } catch {
        throw new InputError(utf16Hint(bytes) ?? notUtf8(bytes), { file, line: utf16Hint(bytes) ? 1 : line });
      }
      line++;
      lineStart = i + 1;
    }
  }
  const text = out.join('\n');
  if (text.includes('\u0000')) {
    const u16 = utf16Hint(bytes);
    if (u16) throw new InputError(u16, { file, line: 1 });
    throw new InputError('the file contains NUL bytes: it is binary, not text', {
      file,
      line: text.slice(0, text.indexOf('\u0000')).split('\n').length,
    });
  }
  return text;
}

function notUtf8(bytes: Uint8Array): string {
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined && textlikeShare(gb) > 0.95)
    return 'the file is not valid UTF-8; it reads as GB18030/GBK: convert it with `iconv -f GB18030 -t UTF-8`';
  return 'the file is not valid UTF-8 text (binary data, or an unknown encoding)';
}
