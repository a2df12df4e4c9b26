export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a seed file: strict UTF-8 (reporting the first bad byte's offset),
 * byte-order mark dropped, CRLF and lone CR turned into LF.
 */
export function decodeSeed(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, byteOffset: firstInvalidUtf8Byte(bytes) };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** Offset of the first byte of the first sequence that is not valid UTF-8 (as Python reports it). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const [length, min, max] =
      lead < 0x80 ? [1, 0, 0]
      : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += length;
  }
  return -1;
}
