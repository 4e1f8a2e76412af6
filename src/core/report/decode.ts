import { InputError } from '../errors';

/**
 * Decodes report bytes as strict UTF-8. A file in another encoding (the usual culprit is
 * GB18030/GBK from a Chinese web page) is refused with the first line that fails, rather than
 * decoded into mojibake that would then be parsed as if it were text.
 */
export function decodeReportBytes(bytes: Uint8Array, file: string): string {
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
        throw new InputError('the file is not valid UTF-8 (is it GB18030/GBK? convert it with `iconv -f GB18030 -t UTF-8`)', {
          file,
          line,
        });
      }
      line++;
      lineStart = i + 1;
    }
  }
  const text = out.join('\n');
  if (text.includes('\u0000')) {
    throw new InputError('the file contains NUL bytes: it is binary or UTF-16, not UTF-8 text', {
      file,
      line: text.slice(0, text.indexOf('\u0000')).split('\n').length,
    });
  }
  return text;
}
