/**
 * Windows-1252 (Excel's "CSV" on Windows in Western Europe and the Americas), decoded
 * here: Node 20.18.3+ and 22.13+ decode `new TextDecoder('windows-1252')` as Latin-1
 * (nodejs/node#56542), so `O’Brien` read as `O\x92Brien` and `€45M` as `\x8045M`. The
 * bytes 0x80–0x9F are WHATWG's table (encoding.spec.whatwg.org/index-windows-1252.txt);
 * its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their own code points, as
 * there. Every other byte is the code point of its value.
 */
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Most lists have none of these bytes: the Latin-1 text is then the answer as it is.
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(HIGH_CONTROLS[c.charCodeAt(0) - 0x80]!)) : latin1;
}
