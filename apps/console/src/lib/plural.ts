const englishPlural = new Intl.PluralRules('en');

/** "1 match", "0 matches", "2 matches": a count with the word English uses for it. */
export function countOf(count: number, one: string, other: string): string {
  return `${count} ${englishPlural.select(count) === 'one' ? one : other}`;
}
