/**
 * Reads the PHP array literal of Magento's `app/etc/env.php` (`<?php return [ … ];`) without executing
 * PHP. Supports `[]` and `array()`, single/double-quoted strings, integers, floats, true/false/null,
 * nested arrays, `//`, `#` and block comments. Anything else (constants, function calls, variables)
 * is rejected with a position, because evaluating it would mean running PHP.
 */
export type PhpValue = string | number | boolean | null | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

export class PhpArrayParseError extends Error {}

export function parsePhpArrayFile(source: string): PhpArray {
  const parser = new Parser(source);
  return parser.parseFile();
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseFile(): PhpArray {
    this.skipWs();
    if (this.src.startsWith('<?php', this.pos)) this.pos += 5;
    this.skipWs();
    if (!this.eatWord('return')) this.fail('expected "return"');
    this.skipWs();
    const value = this.parseValue();
    this.skipWs();
    if (this.src[this.pos] === ';') this.pos++;
    this.skipWs();
    if (this.src.startsWith('?>', this.pos)) this.pos += 2;
    this.skipWs();
    if (this.pos < this.src.length) this.fail('unexpected content after the returned array');
    if (typeof value !== 'object' || value === null) this.fail('the file must return an array');
    return value as PhpArray;
  }

  private parseValue(): PhpValue {
    this.skipWs();
    const c = this.src[this.pos];
    if (c === '[') {
      this.pos++;
      return this.parseArrayBody(']');
    }
    if (c === "'" || c === '"') return this.parseString();
    if (c !== undefined && /[-+0-9.]/.test(c)) return this.parseNumber();
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos))?.[0];
    if (word) {
      const lower = word.toLowerCase();
      if (lower === 'array') {
        this.pos += word.length;
        this.skipWs();
        if (this.src[this.pos] !== '(') this.fail('expected "(" after array');
        this.pos++;
        return this.parseArrayBody(')');
      }
      if (lower === 'true' || lower === 'false' || lower === 'null') {
        this.pos += word.length;
        return lower === 'null' ? null : lower === 'true';
      }
    }
    return this.fail('unsupported PHP expression (only literals and arrays are read)');
  }

  private parseArrayBody(close: string): PhpArray {
    const out: PhpArray = Object.create(null) as PhpArray;
    let nextIndex = 0;
    for (;;) {
      this.skipWs();
      if (this.src[this.pos] === close) {
        this.pos++;
        return out;
      }
      const first = this.parseValue();
      this.skipWs();
      let key: string;
      let value: PhpValue;
      if (this.src.startsWith('=>', this.pos)) {
        this.pos += 2;
        if (typeof first === 'object' && first !== null) this.fail('an array cannot be a key');
        key = String(first === null ? '' : first === true ? 1 : first === false ? 0 : first);
        value = this.parseValue();
        if (/^-?\d+$/.test(key)) nextIndex = Math.max(nextIndex, Number(key) + 1);
      } else {
        key = String(nextIndex++);
        value = first;
      }
      out[key] = value;
      this.skipWs();
      if (this.src[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.src[this.pos] !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private parseString(): string {
    const quote = this.src[this.pos++];
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!;
      if (c === quote) return out;
      if (c === '\\') {
        const n = this.src[this.pos++];
        if (n === undefined) break;
        if (quote === "'") {
          out += n === "'" || n === '\\' ? n : '\\' + n;
        } else {
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', '0': '\0', e: '\x1b', $: '$', '"': '"', '\\': '\\' };
          out += map[n] ?? '\\' + n;
        }
        continue;
      }
      if (quote === '"' && c === '$' && /[A-Za-z_{]/.test(this.src[this.pos] ?? '')) {
        this.fail('variable interpolation in a double-quoted string is not supported');
      }
      out += c;
    }
    return this.fail('unterminated string');
  }

  private parseNumber(): number {
    const m = /^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)/.exec(this.src.slice(this.pos));
    if (!m) return this.fail('bad number');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private eatWord(word: string): boolean {
    if (this.src.slice(this.pos, this.pos + word.length).toLowerCase() === word) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  private skipWs(): void {
    for (;;) {
      const rest = this.src.slice(this.pos);
      const m = /^(\s+|\/\/[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!m) return;
      if (m[0].startsWith('#') && rest.startsWith('#[')) return;
      this.pos += m[0].length;
    }
  }

  private fail(reason: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new PhpArrayParseError(`env.php line ${line}: ${reason}`);
  }
}
