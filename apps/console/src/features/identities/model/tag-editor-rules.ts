import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';

/** The characters Cloudscape's TagEditor allows in keys and values (and SES, and the contract's tagSchema). */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Whether Cloudscape's TagEditor already shows a problem of these tags beside its row: it checks on
 * its own the aws: prefix, the characters, the key and value lengths and duplicate keys (with its own
 * words). The contract's rules are the same, so repeating them under the editor would say it twice;
 * what it does not show (a new row whose key was never typed, the tag limit) stays ours to say.
 */
export function tagEditorShowsProblem(tags: readonly TagEditorProps.Tag[]): boolean {
  const kept = tags.filter((t) => !t.markedForRemoval);
  const keys = kept.map((t) => t.key);
  return kept.some(
    (t) =>
      t.key.toLowerCase().startsWith('aws:') ||
      !TAG_CHARS.test(t.key) ||
      !TAG_CHARS.test(t.value) ||
      t.key.length > 128 ||
      t.value.length > 256 ||
      (t.key !== '' && keys.indexOf(t.key) !== keys.lastIndexOf(t.key)),
  );
}
