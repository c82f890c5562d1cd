import { describe, expect, it } from 'vitest';
import { tagEditorShowsProblem } from './tag-editor-rules';

const tag = (key: string, value = 'v', markedForRemoval = false) => ({
  key,
  value,
  existing: false,
  markedForRemoval,
});

describe("what Cloudscape's TagEditor already says beside a row", () => {
  it.each([
    ['an aws: key', [tag('aws:team')]],
    ['a key with #', [tag('bad#key')]],
    ['a value with #', [tag('team', 'a#b')]],
    ['a key over 128 characters', [tag('k'.repeat(129))]],
    ['two rows with one key', [tag('team'), tag('team')]],
  ])('when a draft has %s, then the editor shows it (the form field must not repeat it)', (_, tags) => {
    expect(tagEditorShowsProblem(tags)).toBe(true);
  });

  it('when a new row has no key yet, then the editor does not say so (the form field does)', () => {
    expect(tagEditorShowsProblem([tag('')])).toBe(false);
  });

  it('when the bad row is marked for removal, then it no longer counts', () => {
    expect(tagEditorShowsProblem([tag('aws:x', 'v', true), tag('team')])).toBe(false);
  });
});
