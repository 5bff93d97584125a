/**
 * A message template with its parameters, as Magento's `Magento\Framework\Phrase`.
 * `%1`, `%2` … take positional parameters; `%name` takes named ones.
 */
export type PhraseParameters = readonly unknown[] | Readonly<Record<string, unknown>>;

export class Phrase {
  constructor(
    readonly text: string,
    readonly parameters: PhraseParameters = [],
  ) {}

  render(): string {
    const params = this.parameters;
    if (Array.isArray(params)) {
      return this.text.replace(/%(\d+)/g, (whole, n: string) => {
        const value = (params as readonly unknown[])[Number(n) - 1];
        return value === undefined ? whole : String(value);
      });
    }
    const named = params as Readonly<Record<string, unknown>>;
    return this.text.replace(/%([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(named, name) ? String(named[name]) : whole,
    );
  }

  toString(): string {
    return this.render();
  }
}

export function __(text: string, parameters: PhraseParameters = []): Phrase {
  return new Phrase(text, parameters);
}
