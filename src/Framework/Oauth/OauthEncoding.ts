/**
 * Percent-encoding as OAuth 1.0a and Magento use it: PHP's `rawurlencode` (RFC 3986: only letters, digits
 * and `-._~` stay as they are, UTF-8 bytes otherwise), and the lenient decoders PHP applies to the
 * Authorization header (`rawurldecode`) and to query strings and form bodies (`urldecode`, `+` is a space).
 * A `%` not followed by two hex digits stays literally, as in PHP; nothing here throws.
 */
export function rawurlencode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function rawurldecode(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  const source = Buffer.from(value, 'utf8');
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] as number;
    if (byte === 0x25 && i + 2 < source.length && isHex(source[i + 1]) && isHex(source[i + 2])) {
      bytes.push(Number.parseInt(String.fromCharCode(source[i + 1] as number, source[i + 2] as number), 16));
      i += 2;
    } else {
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function urldecode(value: string): string {
  return rawurldecode(value.replace(/\+/g, ' '));
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
}
