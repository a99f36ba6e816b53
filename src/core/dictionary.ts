/** Strings numbered in the order first met: columns of data that cross to another thread carry numbers and a short list. */
export class Dictionary {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  code(s: string): number {
    let i = this.at.get(s);
    if (i === undefined) this.at.set(s, (i = this.list.push(s) - 1));
    return i;
  }
}
